package dev.switchboard.api;

import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import java.util.List;

/**
 * What an application can do to a call through its handle. Every failure is a
 * {@link SwitchboardException} naming the call, the application and what was wrong.
 *
 * <h2>Call control and media (R25 to R33)</h2>
 *
 * Playing, gathering, recording, generating, redirecting, transferring and bridging are for
 * owners only (NOTOWNER otherwise, R25) and only in the right call state (INVALCALLSTATE
 * otherwise, and nothing reaches the line, R26): redirect before answer (OFFERING or ACCEPTED),
 * everything else while CONNECTED. A request that is wrong in itself (a prompt file that does not
 * exist or is not a supported WAV, a recording directory that does not exist, digits that are not
 * DTMF) is INVALPARAM; a line provider that cannot do it gives OPERATIONUNAVAIL.
 *
 * <p>These methods only start the operation and return its id; how it ends comes as an event:
 * a {@link dev.switchboard.api.event.MediaCompletedEvent} for every media operation (exactly one,
 * R28), a {@link dev.switchboard.api.event.TransferResultEvent} for a redirect or transfer (R29),
 * a {@link dev.switchboard.api.event.BridgeEndedEvent} when a bridge ends (R31). A call runs at
 * most one output (play, generate) and one input (gather, record) at a time: starting another of
 * the same kind ends the running one with CANCELLED (R27). Through a connection enlisted in a JTA
 * transaction they happen only after commit, in the order asked, after the transaction's handoffs;
 * on rollback never (R32). The ids are then valid at once, but their events come after commit.
 */
public interface CallControl {

    /** Directed handoff (R8, R9, R11, R12): gives ownership to the named application. */
    HandoffResult handoffToApplication(CallHandle call, String targetApplication);

    /** Media-mode handoff (R8, R10, R11, R12): {@code mediaMode} must be exactly one bit. */
    HandoffResult handoffToMediaMode(CallHandle call, int mediaMode);

    /** Media-mode handoff to one named mode. */
    default HandoffResult handoffToMediaMode(CallHandle call, MediaMode mediaMode) {
        return handoffToMediaMode(call, mediaMode.bit());
    }

    /** Changes this application's privilege on the call (R14). */
    void setPrivilege(CallHandle call, Privilege privilege);

    /** Gives up the handle (R14, R24); it is invalid afterwards. */
    void deallocate(CallHandle call);

    /** Sets the call's media mode; owners only; several bits only with UNKNOWN (R16). */
    void setMediaMode(CallHandle call, int mediaModes);

    /** Asks for a media-detected event whenever one of these modes is detected; 0 stops it (R17). */
    void monitorMedia(CallHandle call, int mediaModes);

    /** Starts or stops digit events for the call (R18). */
    void monitorDigits(CallHandle call, boolean enabled);

    /** Answers the call; owners only. */
    void answer(CallHandle call);

    /** Drops the call; owners only. */
    void drop(CallHandle call);

    /** The call as this application sees it. */
    CallInfo callInfo(CallHandle call);

    // ---- media (R25-R28) ----

    /**
     * Plays {@code prompts} to the caller, one after the other (an output, R27). Ends DONE when the
     * last one has played.
     *
     * @return the operation's id, which its {@link dev.switchboard.api.event.MediaCompletedEvent} carries
     */
    String play(CallHandle call, List<Prompt> prompts);

    /** {@link #play(CallHandle, List)} of these prompts. */
    default String play(CallHandle call, Prompt... prompts) {
        return play(call, List.of(prompts));
    }

    /** Ends every media operation running on the call (output and input) with CANCELLED; nothing running is no error. */
    void stopMedia(CallHandle call);

    /**
     * Collects the caller's digits (an input, R27; TAPI's lineGatherDigits), optionally after
     * prompts that a digit may interrupt (barge-in). Ends with BUFFERFULL, TERMDIGIT, FIRSTTIMEOUT
     * or INTERTIMEOUT and the digits collected, or CANCELLED, HANGUP, FAILED. Digit events (R18) go
     * on as before for applications that monitor digits.
     */
    String gatherDigits(CallHandle call, GatherRequest request);

    /** Records the caller to a WAV file (an input, R27). Ends with the file and the length recorded. */
    String record(CallHandle call, RecordRequest request);

    /** Sends DTMF {@code digits} to the far end (an output, R27; TAPI's lineGenerateDigits). Ends DONE once sent. */
    String generateDigits(CallHandle call, String digits);

    /** Plays {@code tone} to the caller (an output, R27; TAPI's lineGenerateTone). Ends DONE after its duration. */
    String generateTone(CallHandle call, Tone tone);

    // ---- leaving the switchboard (R29) ----

    /**
     * Sends a call that is not yet answered (OFFERING or ACCEPTED) to {@code destination} instead
     * (TAPI's lineRedirect; SIP 302). The result comes as a
     * {@link dev.switchboard.api.event.TransferResultEvent}.
     *
     * @param destination where to, in the line's address form (for SIP a URI or a user name)
     */
    String redirect(CallHandle call, String destination);

    /**
     * Transfers an answered (CONNECTED) call to {@code destination} and lets go of it (TAPI's
     * lineBlindTransfer; SIP REFER). The result comes as a
     * {@link dev.switchboard.api.event.TransferResultEvent}.
     */
    String blindTransfer(CallHandle call, String destination);

    // ---- bridging (R31) ----

    /**
     * Joins the media of two CONNECTED calls this application owns, both ways. Media operations
     * running on either call end with CANCELLED, and none can start on them while bridged
     * (INVALCALLSTATE). The bridge ends, with one
     * {@link dev.switchboard.api.event.BridgeEndedEvent} to this application, when either call
     * ends or an owner unbridges them; the other call stays up.
     *
     * @return the bridge's id
     */
    String bridge(CallHandle a, CallHandle b);

    /** Ends the bridge {@code call} is in; the two calls stay up. A call in no bridge is INVALCALLSTATE. */
    void unbridge(CallHandle call);
}
