package dev.switchboard.api.event;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.Privilege;

/**
 * The call entered {@code state} (TAPI's LINE_CALLSTATE). An OFFERING event is what an
 * application gets with a brand-new handle or as the target of a handoff; {@link #privilege()}
 * then says whether it is an owner. A call an application makes (R30) is announced with DIALING
 * instead: to its maker as OWNER and to the line's monitors as MONITOR; it offers ownership to
 * nobody.
 *
 * @param mediaModes       the call's media-mode bits when the event was made
 * @param disconnectReason why the call ended, for state DISCONNECTED (TAPI's LINEDISCONNECTMODE);
 *                         null in every other state
 */
public record CallStateEvent(CallHandle handle, String callId, String line, CallState state,
                             Privilege privilege, int mediaModes, DisconnectReason disconnectReason)
        implements CallEvent {

    /**
     * An event without a disconnect reason; a DISCONNECTED one gets {@link DisconnectReason#UNKNOWN}.
     * Kept for code written before reasons were added.
     */
    public CallStateEvent(CallHandle handle, String callId, String line, CallState state, Privilege privilege,
                          int mediaModes) {
        this(handle, callId, line, state, privilege, mediaModes,
                state == CallState.DISCONNECTED ? DisconnectReason.UNKNOWN : null);
    }

    /** Whether this event makes the receiver an owner of the call (R4, R11). */
    public boolean offersOwnership() {
        return state == CallState.OFFERING && privilege == Privilege.OWNER;
    }
}
