package dev.switchboard.sip.control;

import dev.switchboard.api.DisconnectReason;

/**
 * Why a call this side placed ended before it was answered, in TAPI's LINEDISCONNECTMODE words
 * ({@link DisconnectReason}), as a final error response to its INVITE says it (R30).
 */
public final class FinalResponses {

    private FinalResponses() {
    }

    /**
     * The reason a final error response gives: 486 and 600 are BUSY; 408 and 480 NOANSWER; 403 and
     * 603 REJECT; 404, 410, 484, 503 and 604 UNREACHABLE; anything else UNKNOWN.
     *
     * @throws IllegalArgumentException for a status below 300, which is no error
     */
    public static DisconnectReason reasonFor(int status) {
        if (status < 300) {
            throw new IllegalArgumentException("status " + status + " is not an error");
        }
        return switch (status) {
            case 486, 600 -> DisconnectReason.BUSY;
            case 408, 480 -> DisconnectReason.NOANSWER;
            case 403, 603 -> DisconnectReason.REJECT;
            case 404, 410, 484, 503, 604 -> DisconnectReason.UNREACHABLE;
            default -> DisconnectReason.UNKNOWN;
        };
    }
}
