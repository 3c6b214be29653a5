package dev.switchboard.api.event;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfoReason;

/**
 * Something about the call changed (TAPI's LINE_CALLINFO): the number of owners or monitors
 * (R15) or its media mode (R16).
 *
 * @param numOwners   owners after the change
 * @param numMonitors monitors after the change
 * @param mediaModes  the call's media-mode bits after the change
 */
public record CallInfoEvent(CallHandle handle, String callId, String line, CallInfoReason reason,
                            int numOwners, int numMonitors, int mediaModes) implements CallEvent {
}
