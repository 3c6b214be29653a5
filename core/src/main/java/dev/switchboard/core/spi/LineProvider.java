package dev.switchboard.core.spi;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import java.util.List;
import java.util.Map;

/**
 * A source of calls, like a TAPI service provider: a simulated switch, a SIP endpoint.
 *
 * <p>The provider reports facts through the {@link ProviderEvents} of the {@link ProviderContext}
 * it is started with, and does its own work on that context's executors and timer; the core asks
 * it for actions through the methods below. Actions are addressed by the provider's own call id,
 * the one it gave in {@link ProviderEvents#newCall} (or, for a call the core makes, the one the core
 * gave in {@link #makeCall}). The core calls the action methods on its own threads (an
 * application's, or an event delivery's), never while it holds a call's lock: a provider that has
 * work to do for them hands it to its executor rather than block the caller.
 *
 * <h2>Call control and media (R25-R33)</h2>
 *
 * The core decides; the provider only carries out. Ownership, call states, which operation may
 * run (one output and one input per call, R27), gathering digits with its timeouts, a
 * recording's maximum duration and terminator digits, barge-in, and every completion event are
 * the core's, the same for every provider. The provider plays, records, generates, redirects,
 * transfers, places and bridges calls, and reports how each ended through {@link ProviderEvents}:
 * <ul>
 *   <li>an operation is named by the id the core gives ({@code operationId}, {@code bridgeId});
 *   <li>each started media operation is reported once with
 *       {@link ProviderEvents#mediaFinished}, also after {@link #stopMedia} (the core ignores a
 *       report of an operation it has already ended; for a recording it waits for the report,
 *       which says the file is complete and how long it is);
 *   <li>when the call ends, the provider finishes its recordings (file complete and closed) and
 *       reports them (HANGUP) before it reports the end of the call; other operations simply stop
 *       with the call;
 *   <li>a redirect or transfer is reported once with {@link ProviderEvents#transferFinished},
 *       before anything else about the call ends; before a success it finishes and reports the
 *       call's recordings (CANCELLED), and after it reports nothing more about the call (the core
 *       ends the call for every handle);
 *   <li>an action that cannot even start throws; the core turns that into the operation's FAILED
 *       completion or result (R33), never into an error for the application.
 * </ul>
 * Every action has a default that throws OPERATIONUNAVAIL, so a provider without call control
 * still compiles; the core does not call an action the provider's {@link ProviderCapabilities}
 * do not list.
 */
public interface LineProvider {

    /** A short name for logs and the operator console, such as {@code sim} or {@code sip}. */
    String name();

    /** The lines this provider serves; their names are unique across the adapter. */
    List<String> lines();

    /** What the provider can do (R13, R17, R25-R33). */
    ProviderCapabilities capabilities();

    /** Starts reporting calls to {@code context.events()}, working on the context's threads. Called once. */
    void start(ProviderContext context);

    /** Stops the provider; calls still up are reported as hung up or simply dropped. */
    void stop();

    /** Answers the call (an owner asked). */
    void answer(String providerCallId);

    /** Drops the call (an owner asked); the provider then reports the state change. */
    void drop(String providerCallId);

    /**
     * An owner set the call's media mode (R16). A provider that can switch media (for example
     * accept a pending T.38 re-INVITE when the mode becomes G3FAX) does so; others ignore it.
     */
    void mediaModeChanged(String providerCallId, int mediaModes);

    // ---- media (R25-R28), feature PLAY, RECORD, GENERATE_DIGITS ----

    /**
     * Plays {@code prompts} to the caller one after the other, then reports
     * {@link ProviderEvents#mediaFinished} DONE. Audio files have been checked by the core (they
     * exist and are WAV in a supported format; paths are absolute); tones are to be synthesized.
     * While nothing plays the provider sends silence.
     */
    default void play(String providerCallId, String operationId, List<Prompt> prompts) {
        throw unavailable("play prompts");
    }

    /**
     * Records the caller to {@code request.file()} (absolute; its directory exists) as a WAV,
     * after a {@link dev.switchboard.api.media.Tone#BEEP} if {@code request.beep()}. The provider
     * ends it itself only on {@code request.maxSilence()} (reporting SILENCE); the core ends it at
     * the maximum duration and on terminator digits through {@link #stopMedia}.
     */
    default void record(String providerCallId, String operationId, RecordRequest request) {
        throw unavailable("record");
    }

    /** Sends DTMF {@code digits} (RFC 4733 on SIP), then reports {@link ProviderEvents#mediaFinished} DONE. */
    default void generateDigits(String providerCallId, String operationId, String digits) {
        throw unavailable("generate digits");
    }

    /**
     * Stops the operation if it still runs, and reports it finished (CANCELLED, or for a
     * recording with the length recorded). An operation that has already finished or is unknown
     * is ignored.
     */
    default void stopMedia(String providerCallId, String operationId) {
        throw unavailable("stop media");
    }

    // ---- leaving the switchboard (R29), feature REDIRECT, BLIND_TRANSFER ----

    /** Sends the unanswered call to {@code destination} (SIP 302), then reports {@link ProviderEvents#transferFinished}. */
    default void redirect(String providerCallId, String operationId, String destination) {
        throw unavailable("redirect");
    }

    /**
     * Transfers the answered call to {@code destination} (SIP REFER) and reports
     * {@link ProviderEvents#transferFinished} once the far end says whether it worked (the NOTIFY
     * sipfrag's final status).
     */
    default void blindTransfer(String providerCallId, String operationId, String destination) {
        throw unavailable("transfer");
    }

    // ---- making calls (R30), feature MAKE_CALL ----

    /**
     * Places a call on {@code line} to {@code destination}. The core names the call: it has
     * already registered {@code providerCallId} (unique among this provider's calls) and given
     * the application its handle, so the provider reports the call's progress under that id at
     * any time from now on: {@link ProviderEvents#callStateChanged} with PROCEEDING, RINGBACK,
     * CONNECTED, or {@link ProviderEvents#callDisconnected} with a reason (BUSY, NOANSWER, ...).
     * The core naming the call, rather than the provider answering with an id of its own, means
     * no report can arrive for an id the core does not know yet. Once CONNECTED the call is like
     * any other.
     */
    default void makeCall(String providerCallId, String line, String destination, int mediaModes) {
        throw unavailable("make calls");
    }

    // ---- bridging (R31), feature BRIDGE ----

    /**
     * Joins the media of two CONNECTED calls of this provider both ways (converting codecs, passing
     * DTMF through) until {@link #unbridge} or until either call ends. A bridge that breaks by
     * itself is reported with {@link ProviderEvents#bridgeFailed}.
     */
    default void bridge(String bridgeId, String providerCallIdA, String providerCallIdB) {
        throw unavailable("bridge calls");
    }

    /** Ends the bridge; both calls stay up. An unknown or already ended bridge is ignored. */
    default void unbridge(String bridgeId) {
        throw unavailable("unbridge calls");
    }

    private SwitchboardException unavailable(String what) {
        return new SwitchboardException(TapiError.OPERATIONUNAVAIL, "line provider " + name() + " cannot " + what);
    }

    /**
     * Whether the provider still has this call: it has not reported the call's end and has not
     * forgotten it. The core asks before an operator's drop; a call the provider no longer has is
     * ended in the core alone. A provider that cannot tell answers true.
     */
    default boolean hasCall(String providerCallId) {
        return true;
    }

    /**
     * Ends a call that another node of the cluster held when it died, from the facts that node's
     * provider reported with {@link ProviderEvents#recoveryFacts} (for SIP: sends the BYE the
     * dead node would have sent). The call is not this provider's and is never reported through
     * {@link ProviderEvents}. Returns whether the provider could act on the facts; it must not
     * block for the far end's answer.
     */
    default boolean endOrphan(Map<String, String> facts) {
        return false;
    }

    /** What the provider holds now, for operators' leak checks. */
    default ProviderResources resources() {
        return ProviderResources.NONE;
    }
}
