package dev.switchboard.api.event;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.Privilege;

/**
 * The call entered {@code state} (TAPI's LINE_CALLSTATE). An OFFERING event is what an
 * application gets with a brand-new handle or as the target of a handoff; {@link #privilege()}
 * then says whether it is an owner.
 *
 * @param mediaModes the call's media-mode bits when the event was made
 */
public record CallStateEvent(CallHandle handle, String callId, String line, CallState state,
                             Privilege privilege, int mediaModes) implements CallEvent {

    /** Whether this event makes the receiver an owner of the call (R4, R11). */
    public boolean offersOwnership() {
        return state == CallState.OFFERING && privilege == Privilege.OWNER;
    }
}
