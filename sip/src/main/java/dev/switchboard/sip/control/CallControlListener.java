package dev.switchboard.sip.control;

/**
 * What becomes of the requests of {@link CallControlSignalling}. Called on the call's serial
 * executor, so one call's reports never overlap and keep their order with the provider's other
 * reports about it (CONNECTED, digits, DISCONNECTED).
 */
public interface CallControlListener {

    /** An outbound call's progress: PROCEEDING once, then RINGBACK at most once. */
    void progress(String providerCallId, OutboundProgress state);

    /**
     * An outbound call ended before it was answered. Nothing else is reported about it: whoever
     * listens turns this into DISCONNECTED with {@code reason}, then IDLE (R30).
     *
     * @param detail what happened, for logs and the operator, such as {@code 486 Busy Here}
     */
    void outboundFailed(String providerCallId, DisconnectReason reason, String detail);

    /**
     * The result of a redirect (R29). On SUCCESS the provider then reports the call DISCONNECTED
     * and IDLE; on FAILED the call is exactly as it was.
     */
    void redirectResult(String providerCallId, ControlResult result, String detail);

    /**
     * The result of a blind transfer (R29). On SUCCESS the provider has sent BYE and then reports the
     * call DISCONNECTED and IDLE; on FAILED the call is still connected as it was, unless it ended
     * meanwhile (then its DISCONNECTED follows this report).
     */
    void transferResult(String providerCallId, ControlResult result, String detail);
}
