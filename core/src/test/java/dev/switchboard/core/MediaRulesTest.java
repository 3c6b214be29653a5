package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.core.HandoffRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.MediaOperation;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import dev.switchboard.core.spi.ProviderCapabilities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R25-R28 and R33 for media: who may start what, when, one output and one input, one completion each. */
class MediaRulesTest {
    @TempDir
    Path dir;

    private final ScriptedLine s = new ScriptedLine();
    private final Party voice = s.owner("voice", INTERACTIVEVOICE);
    private final Party mon = s.monitor("mon");

    @AfterEach
    void close() {
        s.close();
    }

    private CallControl voiceControl() {
        return voice.session.control();
    }

    private Path prompt(String name) throws Exception {
        return ScriptedLine.wav(dir, name, 1500);
    }

    /** The one completion of {@code op}, which must have gone to {@code p}. */
    private static MediaCompletedEvent completion(Party p, String op) {
        List<MediaCompletedEvent> c = p.sink.completionsOf(op);
        assertThat(c).as("completions of %s to %s", op, p.name).hasSize(1);
        return c.get(0);
    }

    private static void noCompletion(Party p, String op) {
        assertThat(p.sink.completionsOf(op)).as("completions of %s to %s", op, p.name).isEmpty();
    }

    // ---- R25 ----

    @Test
    void onlyOwnersPlayGatherRecordGenerateTransferAndBridge_R25() throws Exception {
        TestCall call = s.connected(INTERACTIVEVOICE);
        TestCall other = s.connected(INTERACTIVEVOICE);
        CallControl m = mon.session.control();
        CallHandle h = mon.handle(call);
        Path p = prompt("p.wav");

        assertError(() -> m.play(h, Prompt.file(p)), TapiError.NOTOWNER, "only an owner", "'mon'");
        assertError(() -> m.generateTone(h, Tone.BEEP), TapiError.NOTOWNER);
        assertError(() -> m.generateDigits(h, "12"), TapiError.NOTOWNER);
        assertError(() -> m.gatherDigits(h, GatherRequest.digits(1)), TapiError.NOTOWNER);
        assertError(() -> m.record(h, RecordRequest.to(dir.resolve("r.wav"))), TapiError.NOTOWNER);
        assertError(() -> m.stopMedia(h), TapiError.NOTOWNER);
        assertError(() -> m.blindTransfer(h, "sip:op@x"), TapiError.NOTOWNER);
        assertError(() -> m.bridge(h, mon.handle(other)), TapiError.NOTOWNER);
        assertError(() -> m.unbridge(h), TapiError.NOTOWNER);
        TestCall ringing = s.offer(INTERACTIVEVOICE);
        assertError(() -> m.redirect(mon.handle(ringing), "sip:op@x"), TapiError.NOTOWNER);

        assertThat(s.line.actions).isEmpty();
        assertThat(mon.sink.completions(call.id())).isEmpty();
    }

    @Test
    void monitorsKeepHearingDigitsWhileAnOwnerGathers_R25() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        mon.session.control().monitorDigits(mon.handle(call), true);
        String op = voiceControl().gatherDigits(voice.handle(call), GatherRequest.digits(2));

        s.line.digits(call.simId(), "47");

        assertThat(mon.sink.digits(call.id())).extracting(d -> d.digit()).containsExactly('4', '7');
        assertThat(completion(voice, op).digits()).isEqualTo("47");
        noCompletion(mon, op);
    }

    // ---- R26 ----

    @Test
    void mediaAndTransferBeforeAnswerAreInvalCallStateAndNothingReachesTheLine_R26() throws Exception {
        TestCall call = s.offer(INTERACTIVEVOICE);
        TestCall other = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        Path p = prompt("p.wav");
        CallControl v = voiceControl();

        assertError(() -> v.play(h, Prompt.file(p)), TapiError.INVALCALLSTATE, "CONNECTED", "OFFERING");
        assertError(() -> v.generateTone(h, Tone.BUSY), TapiError.INVALCALLSTATE);
        assertError(() -> v.generateDigits(h, "1"), TapiError.INVALCALLSTATE);
        assertError(() -> v.gatherDigits(h, GatherRequest.digits(1)), TapiError.INVALCALLSTATE);
        assertError(() -> v.record(h, RecordRequest.to(dir.resolve("r.wav"))), TapiError.INVALCALLSTATE);
        assertError(() -> v.blindTransfer(h, "sip:op@x"), TapiError.INVALCALLSTATE, "redirect it instead");
        assertError(() -> v.bridge(h, voice.handle(other)), TapiError.INVALCALLSTATE);

        assertThat(s.line.actions).isEmpty();
        assertThat(voice.sink.completions(call.id())).isEmpty();
    }

    @Test
    void redirectOnlyBeforeAnswer_R26() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        assertError(() -> voiceControl().redirect(voice.handle(call), "sip:op@x"), TapiError.INVALCALLSTATE,
                "transfer it instead");
        s.line.hangUp(call.simId());
        CallHandle h = voice.handle(call);
        assertError(() -> voiceControl().redirect(h, "sip:op@x"), TapiError.INVALCALLSTATE);
        assertError(() -> voiceControl().blindTransfer(h, "sip:op@x"), TapiError.INVALCALLSTATE);
        assertError(() -> voiceControl().play(h, Tone.BEEP), TapiError.INVALCALLSTATE, "IDLE");
        assertThat(s.line.actions).isEmpty();
    }

    @Test
    void aLineWithoutTheFeatureIsOperationUnavailAndIsNeverAsked_R26() {
        ScriptedProvider plain = new ScriptedProvider("plain", List.of("P1"),
                new ProviderCapabilities(true, MediaMode.ALL_BITS, false));
        try (ScriptedLine p = new ScriptedLine(plain)) {
            Party app = p.owner("app", INTERACTIVEVOICE);
            TestCall call = p.connected(INTERACTIVEVOICE);
            CallHandle h = app.handle(call);
            CallControl c = app.session.control();
            assertError(() -> c.play(h, Tone.BEEP), TapiError.OPERATIONUNAVAIL, "plain", "PLAY");
            assertError(() -> c.gatherDigits(h, GatherRequest.digits(1)), TapiError.OPERATIONUNAVAIL, "digits");
            assertError(() -> c.record(h, RecordRequest.to(dir.resolve("r.wav"))), TapiError.OPERATIONUNAVAIL);
            assertError(() -> c.generateDigits(h, "1"), TapiError.OPERATIONUNAVAIL);
            assertError(() -> c.blindTransfer(h, "x"), TapiError.OPERATIONUNAVAIL, "BLIND_TRANSFER");
            assertThat(plain.actions).isEmpty();
        }
    }

    @Test
    void aRequestThatIsWrongInItselfIsInvalParamNamingWhatIsWrong_R26() throws Exception {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        CallControl v = voiceControl();
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.wav"), "not audio");

        assertError(() -> v.play(h, Prompt.file(dir.resolve("missing.wav"))), TapiError.INVALPARAM, "missing.wav",
                "does not exist", call.id(), "'voice'");
        assertError(() -> v.play(h, Prompt.file(text)), TapiError.INVALPARAM, "notes.wav", "not a WAV");
        assertError(() -> v.play(h, List.of()), TapiError.INVALPARAM, "at least one prompt");
        assertError(() -> v.gatherDigits(h, GatherRequest.digits(1).withPrompts(Prompt.file(dir.resolve("x.wav")))),
                TapiError.INVALPARAM, "x.wav");
        assertError(() -> v.record(h, RecordRequest.to(dir.resolve("no/such/dir/r.wav"))), TapiError.INVALPARAM,
                "directory", "does not exist");
        assertError(() -> v.generateDigits(h, "12x"), TapiError.INVALPARAM, "'x'");
        assertError(() -> v.blindTransfer(h, " "), TapiError.INVALPARAM, "destination");
        assertThat(s.line.actions).isEmpty();
    }

    // ---- R27 ----

    @Test
    void aSecondOutputCancelsTheFirstAndTheLineIsToldToStopIt_R27() throws Exception {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String first = voiceControl().play(h, Prompt.file(prompt("welcome.wav")));
        String second = voiceControl().generateTone(h, Tone.BUSY);

        assertThat(completion(voice, first).reason()).isEqualTo(MediaEndReason.CANCELLED);
        noCompletion(voice, second);
        assertThat(s.line.actions).containsExactly(
                "play " + call.simId() + " " + first + " welcome.wav",
                "stop " + call.simId() + " " + first,
                "play " + call.simId() + " " + second + " BUSY");

        s.line.finished(call.simId(), first, MediaEndReason.CANCELLED); // the line's late report changes nothing
        s.line.finished(call.simId(), second, MediaEndReason.DONE);
        assertThat(completion(voice, first).reason()).isEqualTo(MediaEndReason.CANCELLED);
        assertThat(completion(voice, second)).satisfies(c -> {
            assertThat(c.reason()).isEqualTo(MediaEndReason.DONE);
            assertThat(c.operation()).isEqualTo(MediaOperation.GENERATE_TONE);
        });
    }

    @Test
    void oneOutputAndOneInputRunTogether_R27() throws Exception {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String play = voiceControl().play(h, Prompt.file(prompt("p.wav")));
        String rec = voiceControl().record(h, RecordRequest.to(dir.resolve("r.wav")));
        String gather = voiceControl().gatherDigits(h, GatherRequest.digits(3).withBargeIn(false));

        // the gather replaced the recording (input), the play (output) goes on
        assertThat(s.line.actions("stop")).containsExactly("stop " + call.simId() + " " + rec);
        s.line.finished(call.simId(), rec, MediaEndReason.CANCELLED, Duration.ofMillis(10));
        assertThat(completion(voice, rec).reason()).isEqualTo(MediaEndReason.CANCELLED);
        noCompletion(voice, play);
        noCompletion(voice, gather);
    }

    @Test
    void theFirstDigitStopsWhatPlaysUnlessBargeInIsOff_R27() throws Exception {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String play = voiceControl().play(h, Prompt.file(prompt("menu.wav")));
        String gather = voiceControl().gatherDigits(h, GatherRequest.digits(1));

        s.line.digits(call.simId(), "9");

        assertThat(completion(voice, play).reason()).isEqualTo(MediaEndReason.CANCELLED);
        assertThat(completion(voice, gather)).satisfies(c -> {
            assertThat(c.reason()).isEqualTo(MediaEndReason.BUFFERFULL);
            assertThat(c.digits()).isEqualTo("9");
        });
        assertThat(s.line.actions("stop")).containsExactly("stop " + call.simId() + " " + play);

        String play2 = voiceControl().play(h, Prompt.file(prompt("menu2.wav")));
        String gather2 = voiceControl().gatherDigits(h, GatherRequest.digits(1).withBargeIn(false));
        s.line.digits(call.simId(), "5");
        noCompletion(voice, play2);
        assertThat(completion(voice, gather2).digits()).isEqualTo("5");
    }

    @Test
    void aGathersPromptsAreItsOwnWithBargeIn_R27() throws Exception {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String gather = voiceControl().gatherDigits(h, GatherRequest.digits(2).withPrompts(Prompt.file(prompt("pin.wav")),
                Tone.BEEP));
        String prompts = gather + "-prompts";
        assertThat(s.line.actions).containsExactly("play " + call.simId() + " " + prompts + " pin.wav,BEEP");

        s.line.digits(call.simId(), "1");
        assertThat(s.line.actions).endsWith("stop " + call.simId() + " " + prompts);
        s.line.digits(call.simId(), "2");

        assertThat(voice.sink.completions(call.id())).singleElement().satisfies(c -> {
            assertThat(c.operationId()).isEqualTo(gather);
            assertThat(c.reason()).isEqualTo(MediaEndReason.BUFFERFULL);
            assertThat(c.digits()).isEqualTo("12");
        });
    }

    @Test
    void withoutBargeInDigitsDuringTheGathersPromptsDoNotCount_R27() throws Exception {
        TestCall call = s.connected(INTERACTIVEVOICE);
        String gather = voiceControl().gatherDigits(voice.handle(call),
                GatherRequest.digits(1).withBargeIn(false).withPrompts(Prompt.file(prompt("legal.wav"))));

        s.line.digits(call.simId(), "3");
        assertThat(s.line.actions("stop")).isEmpty();
        noCompletion(voice, gather);

        s.line.finished(call.simId(), gather + "-prompts", MediaEndReason.DONE);
        s.line.digits(call.simId(), "4");
        assertThat(completion(voice, gather).digits()).isEqualTo("4");
    }

    @Test
    void aNewPlayEndsAGathersPromptsWithoutEndingTheGather_R27() throws Exception {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String gather = voiceControl().gatherDigits(h, GatherRequest.digits(1).withPrompts(Tone.RINGBACK)
                .withFirstDigitTimeout(Duration.ofSeconds(5)));
        String play = voiceControl().play(h, Tone.BEEP);

        assertThat(voice.sink.completions(call.id())).isEmpty(); // the prompts end quietly; the gather runs
        s.advance(Duration.ofSeconds(5)); // its first-digit timeout started when its prompts ended
        assertThat(completion(voice, gather).reason()).isEqualTo(MediaEndReason.FIRSTTIMEOUT);
        noCompletion(voice, play);
    }

    // ---- R28: gathers ----

    @Test
    void aGatherEndsWithEachOfTapisTerminationReasons_R28() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        GatherRequest g = GatherRequest.digits(4).withTerminators("#")
                .withFirstDigitTimeout(Duration.ofSeconds(5)).withInterDigitTimeout(Duration.ofSeconds(3));

        String full = voiceControl().gatherDigits(h, g);
        s.line.digits(call.simId(), "1234");
        String term = voiceControl().gatherDigits(h, g);
        s.line.digits(call.simId(), "56#");
        String first = voiceControl().gatherDigits(h, g);
        s.advance(Duration.ofMillis(4999));
        noCompletion(voice, first);
        s.advance(Duration.ofMillis(1));
        String inter = voiceControl().gatherDigits(h, g);
        s.line.digits(call.simId(), "7");
        s.advance(Duration.ofSeconds(2));
        s.line.digits(call.simId(), "8"); // restarts the inter-digit timeout
        s.advance(Duration.ofMillis(2999));
        noCompletion(voice, inter);
        s.advance(Duration.ofMillis(1));

        assertThat(completion(voice, full)).extracting(MediaCompletedEvent::reason, MediaCompletedEvent::digits)
                .containsExactly(MediaEndReason.BUFFERFULL, "1234");
        assertThat(completion(voice, term)).extracting(MediaCompletedEvent::reason, MediaCompletedEvent::digits)
                .containsExactly(MediaEndReason.TERMDIGIT, "56");
        assertThat(completion(voice, first)).extracting(MediaCompletedEvent::reason, MediaCompletedEvent::digits)
                .containsExactly(MediaEndReason.FIRSTTIMEOUT, "");
        assertThat(completion(voice, inter)).extracting(MediaCompletedEvent::reason, MediaCompletedEvent::digits)
                .containsExactly(MediaEndReason.INTERTIMEOUT, "78");
        assertThat(s.time.pending()).as("no timeout left behind").isZero();
        assertThat(s.line.actions).as("gathering is the core's; the line only reports digits").isEmpty();
    }

    @Test
    void theFirstDigitTimeoutStartsWhenTheGathersPromptsEnd_R28() throws Exception {
        TestCall call = s.connected(INTERACTIVEVOICE);
        String gather = voiceControl().gatherDigits(voice.handle(call), GatherRequest.digits(1)
                .withPrompts(Prompt.file(prompt("menu.wav"))).withFirstDigitTimeout(Duration.ofSeconds(5)));

        s.advance(Duration.ofSeconds(30)); // the prompts still play, however long
        noCompletion(voice, gather);
        s.line.finished(call.simId(), gather + "-prompts", MediaEndReason.DONE);
        s.advance(Duration.ofSeconds(5));
        assertThat(completion(voice, gather).reason()).isEqualTo(MediaEndReason.FIRSTTIMEOUT);
    }

    @Test
    void zeroTimeoutsWaitForever_R28() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        String gather = voiceControl().gatherDigits(voice.handle(call), GatherRequest.digits(2)
                .withFirstDigitTimeout(Duration.ZERO).withInterDigitTimeout(Duration.ZERO));
        s.advance(Duration.ofHours(1));
        s.line.digits(call.simId(), "1");
        s.advance(Duration.ofHours(1));
        noCompletion(voice, gather);
        assertThat(s.time.pending()).isZero();
    }

    // ---- R28: recordings ----

    @Test
    void aRecordingEndsAtItsMaximumDurationOnceTheLineSaysTheFileIsComplete_R28() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        Path file = dir.resolve("vm.wav");
        String rec = voiceControl().record(voice.handle(call), RecordRequest.to(file).withMaxDuration(Duration.ofSeconds(60))
                .withBeep(true));
        assertThat(s.line.actions).containsExactly("record " + call.simId() + " " + rec + " " + file);

        s.advance(Duration.ofSeconds(60));
        assertThat(s.line.actions).endsWith("stop " + call.simId() + " " + rec);
        noCompletion(voice, rec); // not until the file is complete

        s.line.finished(call.simId(), rec, MediaEndReason.CANCELLED, Duration.ofMillis(59_750));
        assertThat(completion(voice, rec)).satisfies(c -> {
            assertThat(c.reason()).isEqualTo(MediaEndReason.DONE);
            assertThat(c.recording()).isEqualTo(file.toString());
            assertThat(c.recordedLength()).isEqualTo(Duration.ofMillis(59_750));
            assertThat(c.operation()).isEqualTo(MediaOperation.RECORD);
        });
    }

    @Test
    void aRecordingEndsOnATerminatorDigitAndOnTheLinesSilence_R28() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String byDigit = voiceControl().record(h, RecordRequest.to(dir.resolve("a.wav")).withTerminators("#*"));
        s.line.digits(call.simId(), "1*");
        s.line.finished(call.simId(), byDigit, MediaEndReason.CANCELLED, Duration.ofSeconds(4));
        String bySilence = voiceControl().record(h, RecordRequest.to(dir.resolve("b.wav"))
                .withMaxSilence(Duration.ofSeconds(3)));
        s.line.finished(call.simId(), bySilence, MediaEndReason.SILENCE, Duration.ofSeconds(9));

        assertThat(completion(voice, byDigit).reason()).isEqualTo(MediaEndReason.TERMDIGIT);
        assertThat(completion(voice, bySilence)).extracting(MediaCompletedEvent::reason, MediaCompletedEvent::recordedLength)
                .containsExactly(MediaEndReason.SILENCE, Duration.ofSeconds(9));
        assertThat(s.time.pending()).as("the maximum-duration timeouts are called off").isZero();
    }

    @Test
    void stopMediaEndsTheOutputAndTheInput_R28() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String tone = voiceControl().generateTone(h, Tone.RINGBACK);
        String gather = voiceControl().gatherDigits(h, GatherRequest.digits(3));
        voiceControl().stopMedia(h);
        voiceControl().stopMedia(h); // nothing running is no error

        assertThat(completion(voice, tone).reason()).isEqualTo(MediaEndReason.CANCELLED);
        assertThat(completion(voice, gather).reason()).isEqualTo(MediaEndReason.CANCELLED);
        assertThat(s.time.pending()).isZero();
    }

    // ---- R28: exactly one completion, whatever ends it ----

    /** Each kind of operation, started on {@code h}; returns its id. */
    private List<Function<CallHandle, String>> everyOperation() throws Exception {
        Path p = prompt("p.wav");
        return List.of(
                h -> voiceControl().play(h, Prompt.file(p)),
                h -> voiceControl().generateTone(h, Tone.BUSY),
                h -> voiceControl().generateDigits(h, "123"),
                h -> voiceControl().gatherDigits(h, GatherRequest.digits(4)),
                h -> voiceControl().gatherDigits(h, GatherRequest.digits(4).withPrompts(Prompt.file(p))),
                h -> voiceControl().record(h, RecordRequest.to(dir.resolve("r-" + h + ".wav"))));
    }

    @Test
    void hangUpInTheMiddleOfEachOperationGivesExactlyOneCompletion_R28() throws Exception {
        for (Function<CallHandle, String> start : everyOperation()) {
            TestCall call = s.connected(INTERACTIVEVOICE);
            CallHandle h = voice.handle(call);
            String op = start.apply(h);
            s.line.digits(call.simId(), "1"); // in the middle: a gather has a digit (and its prompts stop)
            int asked = s.line.actions.size();

            s.line.hangUp(call.simId());
            s.line.finished(call.simId(), op, MediaEndReason.HANGUP); // a line's late report
            s.line.finished(call.simId(), op + "-prompts", MediaEndReason.HANGUP);
            s.advance(Duration.ofMinutes(5));

            assertThat(completion(voice, op).reason()).as(op).isEqualTo(MediaEndReason.HANGUP);
            assertThat(voice.events(call)).as(op).endsWith("DISCONNECTED", "IDLE");
            int completed = voice.events(call).indexOf(voice.events(call).stream()
                    .filter(e -> e.startsWith("COMPLETED")).findFirst().orElseThrow());
            assertThat(completed).as("the completion comes before DISCONNECTED")
                    .isLessThan(voice.events(call).indexOf("DISCONNECTED"));
            assertThat(s.line.actions).as("the call's end stops everything on the line by itself").hasSize(asked);
        }
        assertThat(s.time.pending()).isZero();
    }

    @Test
    void aRecordingTheLineReportsBeforeTheHangUpKeepsTheLinesLength_R28() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        String rec = voiceControl().record(voice.handle(call), RecordRequest.to(dir.resolve("vm.wav")));
        s.line.finished(call.simId(), rec, MediaEndReason.HANGUP, Duration.ofMillis(12_340));
        s.line.hangUp(call.simId());
        assertThat(completion(voice, rec)).extracting(MediaCompletedEvent::reason, MediaCompletedEvent::recordedLength)
                .containsExactly(MediaEndReason.HANGUP, Duration.ofMillis(12_340));
    }

    @Test
    void aRecordingStoppedJustBeforeTheHangUpEndsOnceWithItsOwnReason_R28() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        String rec = voiceControl().record(voice.handle(call), RecordRequest.to(dir.resolve("vm.wav"))
                .withTerminators("#"));
        s.advance(Duration.ofSeconds(7));
        s.line.digits(call.simId(), "#");
        s.line.hangUp(call.simId()); // before the line reported the file complete
        s.line.finished(call.simId(), rec, MediaEndReason.CANCELLED, Duration.ofSeconds(7));
        assertThat(completion(voice, rec)).extracting(MediaCompletedEvent::reason, MediaCompletedEvent::recordedLength)
                .containsExactly(MediaEndReason.TERMDIGIT, Duration.ofSeconds(7));
    }

    @Test
    void ceasingToOwnTheCallCancelsTheApplicationsOperations_R28() throws Exception {
        Party fax = s.owner("fax", G3FAX);
        Path p = prompt("p.wav");
        // demoted to monitor
        TestCall a = s.connected(INTERACTIVEVOICE);
        String playA = voiceControl().play(voice.handle(a), Prompt.file(p));
        voiceControl().handoffToApplication(voice.handle(a), "fax");
        String faxGather = fax.session.control().gatherDigits(fax.handle(a), GatherRequest.digits(2));
        voiceControl().setPrivilege(voice.handle(a), Privilege.MONITOR);
        assertThat(completion(voice, playA).reason()).isEqualTo(MediaEndReason.CANCELLED);
        noCompletion(fax, faxGather); // the other owner's operation goes on
        // deallocated: told on the handle as it goes
        TestCall b = s.connected(INTERACTIVEVOICE);
        String gatherB = voiceControl().gatherDigits(voice.handle(b), GatherRequest.digits(2));
        voiceControl().handoffToApplication(voice.handle(b), "fax");
        voiceControl().deallocate(voice.handle(b));
        assertThat(completion(voice, gatherB).reason()).isEqualTo(MediaEndReason.CANCELLED);
        // closed: the line is told to stop; nothing can reach the closed application
        TestCall c = s.connected(INTERACTIVEVOICE);
        String playC = voiceControl().play(voice.handle(c), Prompt.file(p));
        voice.session.close();
        assertThat(s.line.actions).endsWith("stop " + c.simId() + " " + playC);
        s.line.finished(b.simId(), gatherB, MediaEndReason.DONE);
        assertThat(voice.sink.completionsOf(gatherB)).hasSize(1);
    }

    @Test
    void aHandoffLeavesTheCallersOperationsRunning_R28() throws Exception {
        s.owner("fax", G3FAX);
        TestCall call = s.connected(INTERACTIVEVOICE);
        String play = voiceControl().play(voice.handle(call), Prompt.file(prompt("p.wav")));
        voiceControl().handoffToApplication(voice.handle(call), "fax"); // R12: still an owner
        s.line.finished(call.simId(), play, MediaEndReason.DONE);
        assertThat(completion(voice, play).reason()).isEqualTo(MediaEndReason.DONE);
    }

    // ---- R33 ----

    @Test
    void aLineThatCannotStartAnOperationEndsItFailedAndTheCallStaysOwned_R33() throws Exception {
        s.line.failing.add("play");
        s.line.failing.add("record");
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String play = voiceControl().play(h, Prompt.file(prompt("p.wav"))); // no exception for the application
        String gather = voiceControl().gatherDigits(h, GatherRequest.digits(1).withPrompts(Tone.BEEP));
        String rec = voiceControl().record(h, RecordRequest.to(dir.resolve("r.wav")));

        assertThat(completion(voice, play).reason()).isEqualTo(MediaEndReason.FAILED);
        assertThat(completion(voice, gather).reason()).as("a gather whose prompts fail").isEqualTo(MediaEndReason.FAILED);
        assertThat(completion(voice, rec).reason()).isEqualTo(MediaEndReason.FAILED);
        assertThat(voice.info(call).state()).isEqualTo(CallState.CONNECTED);
        assertThat(voice.info(call).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(s.time.pending()).isZero();
    }

    @Test
    void aLineFailingDuringAnOperationGivesOneFailedCompletionThenTheCallEndsAsR24Says_R33() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        String tone = voiceControl().generateTone(voice.handle(call), Tone.RINGBACK);
        s.line.finished(call.simId(), tone, MediaEndReason.FAILED);
        s.line.disconnected(call.simId(), dev.switchboard.api.DisconnectReason.UNKNOWN);

        assertThat(completion(voice, tone).reason()).isEqualTo(MediaEndReason.FAILED);
        assertThat(voice.events(call)).endsWith("COMPLETED GENERATE_TONE FAILED", "DISCONNECTED(UNKNOWN)", "IDLE");
        assertThat(mon.events(call)).endsWith("DISCONNECTED(UNKNOWN)", "IDLE");
    }

    @Test
    void aRecordingTheLineCannotStopEndsFailed_R33() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        String rec = voiceControl().record(voice.handle(call), RecordRequest.to(dir.resolve("r.wav")));
        s.line.failing.add("stop");
        voiceControl().stopMedia(voice.handle(call));
        assertThat(completion(voice, rec).reason()).isEqualTo(MediaEndReason.FAILED);
    }
}
