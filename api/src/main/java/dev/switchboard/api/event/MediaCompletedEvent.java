package dev.switchboard.api.event;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.MediaOperation;
import java.time.Duration;

/**
 * A media operation ended (TAPI's LINE_GATHERDIGITS, LINE_GENERATE, and the wave devices' done
 * messages). Every operation that started ends with exactly one of these, sent to the application
 * that started it (R28), even when the call ended or the application gave up the call meanwhile.
 *
 * @param operationId    the id the starting method returned
 * @param operation      what kind of operation it was
 * @param reason         why it ended
 * @param digits         for a gather, the digits collected, in order, without the terminator; otherwise empty
 * @param recording      for a recording, the file written (absolute path on the server); otherwise empty
 * @param recordedLength for a recording, how much audio the file holds; otherwise zero
 */
public record MediaCompletedEvent(CallHandle handle, String callId, String line, String operationId,
                                  MediaOperation operation, MediaEndReason reason, String digits,
                                  String recording, Duration recordedLength) implements CallEvent {
}
