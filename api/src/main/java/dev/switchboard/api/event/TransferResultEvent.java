package dev.switchboard.api.event;

import dev.switchboard.api.CallHandle;

/**
 * The outcome of a redirect or a blind transfer (R29, TAPI's LINE_REPLY to lineRedirect and
 * lineBlindTransfer), sent to the owner that asked. On SUCCESS the call then ends for every
 * handle (DISCONNECTED with reason TRANSFERRED, then IDLE); on FAILED it stays exactly as it was.
 *
 * @param operationId the id {@code redirect} or {@code blindTransfer} returned
 * @param destination where the call was sent
 * @param lineReason  on FAILED, the line's reason (for SIP the final status, such as {@code 486 Busy Here});
 *                    on SUCCESS empty
 */
public record TransferResultEvent(CallHandle handle, String callId, String line, String operationId, Kind kind,
                                  String destination, Result result, String lineReason) implements CallEvent {

    /** Which operation this is the outcome of. */
    public enum Kind {
        /** Before answer (TAPI's lineRedirect; SIP 302). */
        REDIRECT,
        /** After answer (TAPI's lineBlindTransfer; SIP REFER). */
        BLIND_TRANSFER
    }

    /** SUCCESS: the call left the switchboard; FAILED: it is as it was. */
    public enum Result {
        SUCCESS,
        FAILED
    }

    public boolean succeeded() {
        return result == Result.SUCCESS;
    }
}
