package dev.switchboard.api.event;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.MediaMode;
import java.time.Instant;

/**
 * The line provider detected {@code mode} on the call (TAPI's LINE_MONITORMEDIA), for example
 * a fax calling tone or a switch to T.38. Sent only to applications monitoring that mode (R17);
 * it does not change the call's media mode.
 */
public record MediaDetectedEvent(CallHandle handle, String callId, String line, MediaMode mode,
                                 Instant detectedAt) implements CallEvent {
}
