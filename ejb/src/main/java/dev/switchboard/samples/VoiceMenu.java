package dev.switchboard.samples;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.event.TransferResultEvent;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.samples.PromptFiles.Spoken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The voice application's menu, an IVR: it plays {@link Spoken#MENU} and gathers one digit
 * (R27, R28). 0 transfers the caller to the operator ({@link SampleSettings#operator()}, a blind
 * transfer, R29); 1 takes a voicemail (a prompt, a beep, a recording); 2 hands the call to the
 * {@value Samples#AGENT} application (R9); 9 and 8 are the voice application's own (it watches
 * every digit for them), any other digit plays the menu again. No choice within
 * {@link #CHOICE_TIMEOUT} after the menu: the menu once more, then the operator.
 *
 * <p>It runs in the caller's transaction, an MDB delivery: everything it asks of the line
 * happens after commit (R32). It remembers, per call, what the operations' completion events do
 * not say: how often the caller said nothing, and which play ends in a recording or a hang-up.
 */
@ApplicationScoped
public class VoiceMenu {
    /** How long the caller has to choose once the menu has been spoken (the gather's first-digit timeout). */
    static final Duration CHOICE_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    SwitchboardConnectionFactory factory;

    @Inject
    PromptFiles prompts;

    @Inject
    OutcomeAudit audit;

    private final Map<String, Visit> visits = new ConcurrentHashMap<>();

    /** What happens when a play ends. */
    enum Next { RECORD, HANG_UP }

    /** One call's stay in the menu. One call's events come one at a time, so a visit is never changed by two threads at once. */
    static final class Visit {
        int silences;
        String waitingPlay;
        Next afterPlay;
    }

    /** The caller is here and the call is answered: the menu, unless this call already heard it. */
    void greet(CallHandle h, String callId) {
        if (visits.putIfAbsent(callId, new Visit()) == null) {
            offer(h, callId);
        }
    }

    /** The call is no longer this application's: forget it. */
    void forget(String callId) {
        visits.remove(callId);
    }

    /** A gather, play or recording this application started ended (R28). */
    void completed(MediaCompletedEvent e) {
        switch (e.operation()) {
            case GATHER -> gathered(e);
            case PLAY -> played(e);
            case RECORD -> recorded(e);
            default -> { }
        }
    }

    /** The blind transfer to the operator ended (R29): on SUCCESS the call is gone; on FAILED it is as it was. */
    void transferred(TransferResultEvent t) {
        audit.transfer(Samples.VOICE, t);
        Samples.log(Samples.VOICE, "transfers", t.callId(), "to " + t.destination() + ": " + t.result()
                + (t.succeeded() ? "" : " (" + t.lineReason() + ")"));
        if (!t.succeeded()) {
            offer(t.handle(), t.callId(), Spoken.OPERATOR_BUSY);
        }
    }

    private void gathered(MediaCompletedEvent e) {
        if (e.reason() == MediaEndReason.BUFFERFULL) {
            chose(e.handle(), e.callId(), e.digits().charAt(0));
        } else if (e.reason() == MediaEndReason.FIRSTTIMEOUT) {
            int silences = visit(e.callId()).silences += 1;
            switch (silences) {
                case 1 -> offer(e.handle(), e.callId()); // the menu repeats once
                case 2 -> transfer(e.handle(), e.callId(), "no choice after the menu twice");
                default -> hangUpAfter(e.handle(), e.callId(), Spoken.GOODBYE); // the operator failed too
            }
        } else if (e.reason() == MediaEndReason.FAILED) {
            transfer(e.handle(), e.callId(), "the menu could not be played");
        } // CANCELLED, HANGUP: the call went elsewhere or ended
    }

    private void chose(CallHandle h, String callId, char digit) {
        switch (digit) {
            case '0' -> transfer(h, callId, "caller pressed 0");
            case '1' -> act(callId, "play the voicemail prompt to", c ->
                    waitFor(callId, c.play(h, prompts.get(Spoken.VOICEMAIL)), Next.RECORD));
            case '2' -> toAgent(h, callId);
            case VoiceApplication.FAX_DIGIT -> { } // handed to fax on its DigitEvent
            default -> offer(h, callId); // 8 (the rollback demo left the call here), or no choice
        }
    }

    private void played(MediaCompletedEvent e) {
        Visit v = visits.get(e.callId());
        if (v == null || !e.operationId().equals(v.waitingPlay)) {
            return;
        }
        Next next = v.afterPlay;
        v.waitingPlay = null;
        if (e.reason() != MediaEndReason.DONE) {
            return;
        }
        if (next == Next.RECORD) {
            act(e.callId(), "record", c -> c.record(e.handle(),
                    Voicemail.request(SampleSettings.voicemailDir(), e.callId(), Instant.now())));
        } else {
            act(e.callId(), "hang up", c -> c.drop(e.handle()));
            Samples.log(Samples.VOICE, "hangs up", e.callId(), "");
        }
    }

    private void recorded(MediaCompletedEvent e) {
        Samples.log(Samples.VOICE, "took a voicemail from", e.callId(), e.recording() + ", "
                + e.recordedLength().toMillis() / 1000.0 + " s, ended " + e.reason());
        if (e.reason() != MediaEndReason.HANGUP && e.reason() != MediaEndReason.CANCELLED) {
            hangUpAfter(e.handle(), e.callId(), Spoken.GOODBYE);
        }
    }

    /** The menu, after {@code before}, as the prompts of a one-digit gather: a digit stops them (barge-in). */
    private void offer(CallHandle h, String callId, Spoken... before) {
        Prompt[] spoken = Arrays.stream(before).map(prompts::get).toArray(Prompt[]::new);
        Prompt[] all = Arrays.copyOf(spoken, spoken.length + 1);
        all[spoken.length] = prompts.get(Spoken.MENU);
        act(callId, "play the menu to", c -> c.gatherDigits(h, GatherRequest.digits(1)
                .withFirstDigitTimeout(CHOICE_TIMEOUT).withPrompts(all)));
    }

    private void transfer(CallHandle h, String callId, String why) {
        String operator = SampleSettings.operator();
        act(callId, "transfer", c -> c.blindTransfer(h, operator));
        Samples.log(Samples.VOICE, "sends", callId, "to the operator " + operator + " (" + why + ")");
    }

    private void toAgent(CallHandle h, String callId) {
        act(callId, "hand to the agent application", c -> {
            HandoffResult result = c.handoffToApplication(h, Samples.AGENT);
            Samples.log(Samples.VOICE, "hands", callId, "to " + Samples.AGENT + " (caller pressed 2): " + result);
            if (result == HandoffResult.SUCCESS) {
                c.deallocate(h);
                forget(callId);
            } else {
                offer(h, callId, Spoken.AGENT_BUSY);
            }
        });
    }

    private void hangUpAfter(CallHandle h, String callId, Spoken last) {
        act(callId, "say goodbye to", c -> waitFor(callId, c.play(h, prompts.get(last)), Next.HANG_UP));
    }

    private void waitFor(String callId, String playId, Next next) {
        Visit v = visit(callId);
        v.waitingPlay = playId;
        v.afterPlay = next;
    }

    private Visit visit(String callId) {
        return visits.computeIfAbsent(callId, id -> new Visit());
    }

    /**
     * Does {@code what} with a connection. A call that ended or left meanwhile (the caller hung up as the
     * gather timed out, say) is no error: nothing is left to do for it. Nor is a line that plays, records
     * or transfers nothing (OPERATIONUNAVAIL, R26): the caller then gets no menu, but 9 and a fax tone
     * still work.
     */
    private void act(String callId, String what, Consumer<SwitchboardConnection> action) {
        try (SwitchboardConnection c = factory.getConnection(Samples.VOICE)) {
            action.accept(c);
        } catch (SwitchboardException e) {
            if (e.error() == TapiError.OPERATIONUNAVAIL) {
                Samples.log(Samples.VOICE, "cannot " + what, callId, "on this line: " + e.getMessage());
                return;
            }
            if (e.error() != TapiError.INVALCALLSTATE && e.error() != TapiError.INVALCALLHANDLE) {
                throw e;
            }
            Samples.log(Samples.VOICE, "cannot " + what, callId, "any more: " + e.getMessage());
        }
    }
}
