package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.MediaOperation;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.core.MediaOp.Finishing;
import dev.switchboard.core.MediaOp.Gather;
import dev.switchboard.core.MediaOp.Output;
import dev.switchboard.core.MediaOp.Recording;
import dev.switchboard.core.spi.ProviderFeature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The media rules (R25-R28, and R33 for media) as decisions on one call's model, like
 * {@link Rules}: each method runs under the call's lock, changes only the model and reports the
 * rest through {@link Effects}.
 *
 * <p>The gather state machine lives here, not in the providers, so that every provider gathers
 * the same way: the core already hears every digit ({@code ProviderEvents.digitReceived}), keeps
 * the first- and inter-digit timeouts on its timer, stops prompts on barge-in and ends recordings
 * on terminator digits and at their maximum duration. Providers only play, record and generate.
 *
 * <p>A call has two slots (R27): {@link CallModel#output} and {@link CallModel#input}. Every
 * operation that enters a slot leaves it through exactly one of {@link #complete} or
 * {@link #completeRecording}, which send its one completion event (R28), except a gather's
 * prompts, which belong to the gather and end with it. A recording the core stops waits in
 * {@link CallModel#finishing} for the provider to say the file is complete.
 */
final class MediaRules {
    private final Clock clock;

    MediaRules(Clock clock) {
        this.clock = clock;
    }

    // ---- starting (R25-R27) ----

    /** Play prompts or a tone (an output). */
    String play(CallModel m, App actor, CallHandle ch, String opId, MediaOperation kind, List<Prompt> prompts,
                Effects fx) {
        String what = kind == MediaOperation.GENERATE_TONE ? "generate a tone on" : "play to";
        Handle h = Rules.requireOwner(m, actor, ch, what);
        requireFeature(m, actor, ProviderFeature.PLAY, what);
        requireConnected(m, actor, what);
        endOutput(m, MediaEndReason.CANCELLED, fx);
        Output op = new Output(opId, kind, h, clock.instant(), null);
        m.output = op;
        Call call = m.call;
        fx.providerAction(what, () -> call.provider.play(call.providerCallId, opId, prompts), failed(opId));
        return opId;
    }

    /** Send DTMF digits (an output). */
    String generateDigits(CallModel m, App actor, CallHandle ch, String opId, String digits, Effects fx) {
        String what = "generate digits on";
        Handle h = Rules.requireOwner(m, actor, ch, what);
        requireFeature(m, actor, ProviderFeature.GENERATE_DIGITS, what);
        requireConnected(m, actor, what);
        endOutput(m, MediaEndReason.CANCELLED, fx);
        m.output = new Output(opId, MediaOperation.GENERATE_DIGITS, h, clock.instant(), null);
        Call call = m.call;
        fx.providerAction(what, () -> call.provider.generateDigits(call.providerCallId, opId, digits), failed(opId));
        return opId;
    }

    /** Collect digits (an input), after its prompts (an output of its own) if it has any. */
    String gather(CallModel m, App actor, CallHandle ch, String opId, GatherRequest request, Effects fx) {
        String what = "gather digits on";
        Handle h = Rules.requireOwner(m, actor, ch, what);
        if (!m.call.provider.capabilities().detectsDigits()) {
            throw Rules.error(TapiError.OPERATIONUNAVAIL, m, actor, "line provider " + m.call.provider.name()
                    + " does not report digits, so no digits can be gathered");
        }
        if (!request.prompts().isEmpty()) {
            requireFeature(m, actor, ProviderFeature.PLAY, "play the prompts of a gather on");
        }
        requireConnected(m, actor, what);
        endInput(m, MediaEndReason.CANCELLED, fx);
        Gather g = new Gather(opId, h, clock.instant(), request);
        m.input = g;
        if (request.prompts().isEmpty()) {
            startDigitTimer(g, request.firstDigitTimeout(), MediaEndReason.FIRSTTIMEOUT, fx);
        } else {
            endOutput(m, MediaEndReason.CANCELLED, fx);
            Output prompts = new Output(opId + "-prompts", MediaOperation.PLAY, h, clock.instant(), g);
            m.output = prompts;
            Call call = m.call;
            fx.providerAction("play the prompts of a gather on",
                    () -> call.provider.play(call.providerCallId, prompts.id, request.prompts()), failed(prompts.id));
        }
        return opId;
    }

    /** Record the caller (an input); the core ends it at its maximum duration and on its terminators. */
    String record(CallModel m, App actor, CallHandle ch, String opId, RecordRequest request, Effects fx) {
        String what = "record";
        Handle h = Rules.requireOwner(m, actor, ch, what);
        requireFeature(m, actor, ProviderFeature.RECORD, what);
        requireConnected(m, actor, what);
        endInput(m, MediaEndReason.CANCELLED, fx);
        Recording r = new Recording(opId, h, clock.instant(), request);
        m.input = r;
        Call call = m.call;
        fx.providerAction(what, () -> call.provider.record(call.providerCallId, opId, request), failed(opId));
        fx.startTimer(r, request.maxDuration(), (lm, lfx) -> {
            if (lm.input == r) {
                endInput(lm, MediaEndReason.DONE, lfx);
            }
        });
        return opId;
    }

    /** Ends whatever runs on the call, output and input, with CANCELLED. Nothing running is no error. */
    void stopMedia(CallModel m, App actor, CallHandle ch, Effects fx) {
        Rules.requireOwner(m, actor, ch, "stop media on");
        endInput(m, MediaEndReason.CANCELLED, fx);
        endOutput(m, MediaEndReason.CANCELLED, fx);
    }

    // ---- what ends operations (R27, R28) ----

    /** {@code app} no longer owns the call (demoted, deallocated, closed, refused): its operations end, CANCELLED (R28). */
    void ownerLeft(CallModel m, App app, Effects fx) {
        if (m.input != null && m.input.starter.app == app) {
            endInput(m, MediaEndReason.CANCELLED, fx);
        }
        if (m.output != null && m.output.starter.app == app) {
            endOutput(m, MediaEndReason.CANCELLED, fx);
        }
    }

    /** The call leaves the line (transfer, redirect) or its media is joined to another call's (bridge): CANCELLED. */
    void endAll(CallModel m, MediaEndReason reason, Effects fx) {
        endInput(m, reason, fx);
        endOutput(m, reason, fx);
    }

    /**
     * The call ends (R28): what runs ends with HANGUP; recordings the core had already stopped end
     * with the reason they were stopped for. Their files are complete: the provider finishes its
     * recordings before it reports the call's end. The provider is not asked to stop anything; the
     * call's end stops it all.
     */
    void callEnded(CallModel m, Effects fx) {
        endAll(m, MediaEndReason.HANGUP, fx);
        if (m.finishing != null) {
            for (Finishing f : m.finishing) {
                completeRecording(m, f.recording(), f.reason(), recordedSoFar(f.recording()), fx);
            }
            m.finishing = null;
        }
    }

    /** Ends the running output; a gather's prompts end without an event of their own (the gather then times its first digit). */
    void endOutput(CallModel m, MediaEndReason reason, Effects fx) {
        Output op = m.output;
        if (op == null) {
            return;
        }
        m.output = null;
        stopOnLine(m, op, reason, fx);
        if (op.promptOf == null) {
            complete(m, op, reason, "", fx);
        } else {
            promptsEnded(m, op.promptOf, fx);
        }
    }

    /** Ends the running input: a gather (and its prompts) at once; a recording once its file is complete. */
    void endInput(CallModel m, MediaEndReason reason, Effects fx) {
        MediaOp op = m.input;
        if (op == null) {
            return;
        }
        m.input = null;
        fx.cancelTimer(op);
        if (op instanceof Gather g) {
            Output prompts = m.output;
            if (prompts != null && prompts.promptOf == g) {
                m.output = null;
                stopOnLine(m, prompts, reason, fx);
            }
            complete(m, g, reason, g.digits.toString(), fx);
        } else if (op instanceof Recording r) {
            if (reason == MediaEndReason.HANGUP) {
                completeRecording(m, r, reason, recordedSoFar(r), fx);
            } else {
                stopOnLine(m, r, reason, fx);
                if (m.finishing == null) {
                    m.finishing = new ArrayList<>(1);
                }
                m.finishing.add(new Finishing(r, reason));
            }
        }
    }

    // ---- what the line provider reports ----

    /**
     * The provider reports an operation finished (R28, R33). A report of an operation the core has
     * already ended (stopped, cancelled, replaced) changes nothing.
     */
    void finished(CallModel m, String opId, MediaEndReason reason, Duration recordedLength, Effects fx) {
        Output out = m.output;
        if (out != null && out.id.equals(opId)) {
            m.output = null;
            if (out.promptOf == null) {
                complete(m, out, reason, "", fx);
            } else if (reason == MediaEndReason.FAILED && m.input == out.promptOf) {
                endInput(m, MediaEndReason.FAILED, fx); // R33: a gather whose prompts cannot be played fails
            } else {
                promptsEnded(m, out.promptOf, fx);
            }
            return;
        }
        if (m.input instanceof Recording r && r.id.equals(opId)) {
            m.input = null;
            fx.cancelTimer(r);
            completeRecording(m, r, reason, recordedLength, fx);
            return;
        }
        if (m.finishing != null) {
            for (int i = 0; i < m.finishing.size(); i++) {
                Finishing f = m.finishing.get(i);
                if (f.recording().id.equals(opId)) {
                    m.finishing.remove(i);
                    MediaEndReason why = reason == MediaEndReason.FAILED ? MediaEndReason.FAILED : f.reason();
                    completeRecording(m, f.recording(), why, recordedLength, fx);
                    return;
                }
            }
        }
    }

    /**
     * A digit from the caller: it may end the gather (terminator, buffer full), restarts the
     * inter-digit timeout, and with barge-in stops what plays; a terminator ends a recording.
     */
    void digit(CallModel m, char digit, Effects fx) {
        MediaOp in = m.input;
        if (in instanceof Gather g) {
            gatherDigit(m, g, digit, fx);
        } else if (in instanceof Recording r && r.request.terminators().indexOf(digit) >= 0) {
            endInput(m, MediaEndReason.TERMDIGIT, fx);
        }
    }

    private void gatherDigit(CallModel m, Gather g, char digit, Effects fx) {
        Output out = m.output;
        if (out != null && out.isAudio()) {
            if (!g.request.bargeIn()) {
                if (out.promptOf == g) {
                    return; // without barge-in the caller hears the gather's prompts out; digits meanwhile do not count
                }
            } else {
                m.output = null; // barge-in (R27): the digit stops what plays
                stopOnLine(m, out, MediaEndReason.CANCELLED, fx);
                if (out.promptOf == null) {
                    complete(m, out, MediaEndReason.CANCELLED, "", fx);
                }
            }
        }
        fx.cancelTimer(g);
        if (g.request.terminators().indexOf(digit) >= 0) {
            endInput(m, MediaEndReason.TERMDIGIT, fx);
            return;
        }
        g.digits.append(digit); // digits arrive only on the live call
        if (g.digits.length() >= g.request.maxDigits()) {
            endInput(m, MediaEndReason.BUFFERFULL, fx);
        } else {
            startDigitTimer(g, g.request.interDigitTimeout(), MediaEndReason.INTERTIMEOUT, fx);
        }
    }

    // ---- helpers ----

    private void promptsEnded(CallModel m, Gather g, Effects fx) {
        if (m.input == g && g.digits.length() == 0) {
            startDigitTimer(g, g.request.firstDigitTimeout(), MediaEndReason.FIRSTTIMEOUT, fx);
        }
    }

    private void startDigitTimer(Gather g, Duration timeout, MediaEndReason reason, Effects fx) {
        if (timeout.isZero()) {
            return; // TAPI: zero waits forever
        }
        fx.startTimer(g, timeout, (m, lfx) -> {
            if (m.input == g) {
                endInput(m, reason, lfx);
            }
        });
    }

    /**
     * Asks the provider to stop {@code op}, unless the call's end stops it anyway. If it cannot, a
     * recording waiting for its file ends FAILED (R33); anything else has already ended.
     */
    private void stopOnLine(CallModel m, MediaOp op, MediaEndReason reason, Effects fx) {
        if (reason == MediaEndReason.HANGUP) {
            return;
        }
        Call call = m.call;
        fx.providerAction("stop " + op + " on", () -> call.provider.stopMedia(call.providerCallId, op.id),
                failed(op.id));
    }

    private void complete(CallModel m, MediaOp op, MediaEndReason reason, String digits, Effects fx) {
        fx.cancelTimer(op);
        Handle h = op.starter;
        fx.send(h, new MediaCompletedEvent(h.id, m.call.id, m.call.line, op.id, op.kind, reason, digits, "",
                Duration.ZERO));
    }

    private void completeRecording(CallModel m, Recording r, MediaEndReason reason, Duration length, Effects fx) {
        fx.cancelTimer(r);
        Handle h = r.starter;
        fx.send(h, new MediaCompletedEvent(h.id, m.call.id, m.call.line, r.id, r.kind, reason, "", r.request.file(),
                length));
    }

    /** How long a recording has run, at most its maximum: its length when the provider could not say. */
    private Duration recordedSoFar(Recording r) {
        Duration d = Duration.between(r.startedAt, clock.instant());
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(r.request.maxDuration()) > 0 ? r.request.maxDuration() : d;
    }

    /** R33: a provider action that could not start the operation ends it, FAILED, as if the provider had said so. */
    private Effects.OnFailure failed(String opId) {
        return (m, fx, e) -> finished(m, opId, MediaEndReason.FAILED, Duration.ZERO, fx);
    }

    private static void requireFeature(CallModel m, App actor, ProviderFeature feature, String what) {
        if (!m.call.provider.capabilities().supports(feature)) {
            throw Rules.error(TapiError.OPERATIONUNAVAIL, m, actor, "line provider " + m.call.provider.name()
                    + " cannot " + what + " a call (its capabilities do not list " + feature + ")");
        }
    }

    /** R26: media only while CONNECTED, and not while the call's media is joined to another call's (R31). */
    static void requireConnected(CallModel m, App actor, String what) {
        if (m.state != CallState.CONNECTED) {
            throw Rules.error(TapiError.INVALCALLSTATE, m, actor, "can only " + what + " a CONNECTED call; it is "
                    + m.state);
        }
        Bridge b = m.activeBridge();
        if (b != null) {
            throw Rules.error(TapiError.INVALCALLSTATE, m, actor, "cannot " + what + " the call while it is in "
                    + b.id + "; unbridge it first");
        }
    }
}
