package dev.switchboard.api.event;

import dev.switchboard.api.CallHandle;
import java.time.Instant;

/**
 * The remote party sent a DTMF digit (TAPI's LINE_MONITORDIGITS). Sent only to applications
 * monitoring digits on the call (R18), one event a digit, in order.
 *
 * @param digit one of {@code 0-9 * # A-D}
 */
public record DigitEvent(CallHandle handle, String callId, String line, char digit,
                         Instant receivedAt) implements CallEvent {
}
