package dev.switchboard.sip.control;

/**
 * Why an outbound call ended before it was answered, in TAPI's LINEDISCONNECTMODE words, and
 * which SIP final responses mean which.
 */
public enum DisconnectReason {
    /** 486 Busy Here, 600 Busy Everywhere. */
    BUSY,
    /** 408 Request Timeout, 480 Temporarily Unavailable, or no answer within sipNoAnswerTimeoutMillis. */
    NOANSWER,
    /** 403 Forbidden, 603 Decline. */
    REJECT,
    /** 404, 410, 484, 503, 604, no response at all, or no way to send the INVITE. */
    UNREACHABLE,
    /** Anything else: another error, a refused authentication, an answer without usable audio. */
    FAILED;

    /** The reason a final error response to the INVITE gives. */
    public static DisconnectReason forStatus(int status) {
        if (status < 300) {
            throw new IllegalArgumentException("status " + status + " is not an error");
        }
        return switch (status) {
            case 486, 600 -> BUSY;
            case 408, 480 -> NOANSWER;
            case 403, 603 -> REJECT;
            case 404, 410, 484, 503, 604 -> UNREACHABLE;
            default -> FAILED;
        };
    }
}
