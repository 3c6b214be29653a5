package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import dev.switchboard.core.media.AudioFiles;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated switch carries out media and call control the way the demo and fast tests need (R25-R33). */
class SimulatedSwitchCallControlTest {
    @TempDir
    Path dir;

    private final ManualTime time = new ManualTime();
    private final Harness h = Harness.builder().manualTime(time).start();
    private final Party voice = h.owner("voice", INTERACTIVEVOICE);

    @AfterEach
    void close() {
        h.close();
    }

    private TestCall answered() {
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().answer(voice.handle(call));
        return call;
    }

    private MediaCompletedEvent completion(String op) {
        assertThat(voice.sink.completionsOf(op)).as(op).hasSize(1);
        return voice.sink.completionsOf(op).get(0);
    }

    @Test
    void aPlayEndsAfterTheLengthOfItsPrompts_R28() throws Exception {
        TestCall call = answered();
        Path wide = dir.resolve("welcome16k.wav");
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(new byte[16000 * 2 * 3 / 2]),
                AudioFiles.linear16(16000), 24000)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wide.toFile()); // 1.5 s at 16 kHz
        }
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
        Path law = dir.resolve("menu-ulaw.wav");
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(new byte[4000]), ulaw, 4000)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, law.toFile()); // 0.5 s of µ-law
        }
        String op = voice.session.control().play(voice.handle(call), Prompt.file(wide), Prompt.file(law), Tone.BEEP);

        time.advance(Duration.ofMillis(2249));
        assertThat(voice.sink.completionsOf(op)).isEmpty();
        time.advance(Duration.ofMillis(1));
        assertThat(completion(op).reason()).isEqualTo(MediaEndReason.DONE);
    }

    @Test
    void aGatherTakesTheSimulatedCallersDigits_R28() {
        TestCall call = answered();
        String op = voice.session.control().gatherDigits(voice.handle(call), GatherRequest.digits(3).withTerminators("#")
                .withPrompts(Tone.RINGBACK));
        h.sim.sendDigits(call.simId(), "12#");
        assertThat(completion(op).digits()).isEqualTo("12");
        assertThat(completion(op).reason()).isEqualTo(MediaEndReason.TERMDIGIT);
        time.advance(Duration.ofMinutes(1));
        assertThat(voice.sink.completions(call.id())).hasSize(1);
    }

    @Test
    void aRecordingIsARealWavOfSilenceWithTheCallersVoiceWhereItSpoke_R28() throws Exception {
        TestCall call = answered();
        Path file = dir.resolve("message.wav");
        String op = voice.session.control().record(voice.handle(call), RecordRequest.to(file)
                .withMaxDuration(Duration.ofSeconds(3)));
        time.advance(Duration.ofMillis(500));
        h.sim.speak(call.simId(), Duration.ofSeconds(1));
        time.advance(Duration.ofMillis(2500));

        MediaCompletedEvent done = completion(op);
        assertThat(done.reason()).isEqualTo(MediaEndReason.DONE);
        assertThat(done.recording()).isEqualTo(file.toString());
        assertThat(done.recordedLength()).isEqualTo(Duration.ofSeconds(3));
        short[] samples = read(file);
        assertThat(samples).hasSize(24000);
        assertThat(maxAbs(samples, 0, 4000)).as("silence before").isZero();
        assertThat(maxAbs(samples, 4000, 12000)).as("the caller's voice").isGreaterThan(5000);
        assertThat(maxAbs(samples, 12000, 24000)).as("silence after").isZero();
    }

    @Test
    void aSilentCallerEndsARecordingAfterTheMaximumSilenceAndTheBeep_R28() throws Exception {
        TestCall call = answered();
        Path file = dir.resolve("silent.wav");
        String op = voice.session.control().record(voice.handle(call), RecordRequest.to(file).withBeep(true)
                .withMaxSilence(Duration.ofSeconds(2)));
        time.advance(Duration.ofMillis(2249));
        assertThat(voice.sink.completionsOf(op)).isEmpty();
        time.advance(Duration.ofMillis(1));
        assertThat(completion(op).reason()).isEqualTo(MediaEndReason.SILENCE);
        assertThat(completion(op).recordedLength()).isEqualTo(Duration.ofSeconds(2));
        assertThat(read(file)).hasSize(16000);
    }

    @Test
    void hangingUpDuringARecordingLeavesACompleteFile_R28() throws Exception {
        TestCall call = answered();
        Path file = dir.resolve("cut.wav");
        String op = voice.session.control().record(voice.handle(call), RecordRequest.to(file));
        time.advance(Duration.ofMillis(1200));
        h.hangUp(call);
        assertThat(completion(op).reason()).isEqualTo(MediaEndReason.HANGUP);
        assertThat(completion(op).recordedLength()).isEqualTo(Duration.ofMillis(1200));
        assertThat(read(file)).hasSize(9600);
        assertThat(voice.events(call)).endsWith("COMPLETED RECORD HANGUP", "DISCONNECTED", "IDLE");
    }

    @Test
    void destinationsAnswerAreBusyOrDoNotAnswerByTheirNames_R30() {
        CallHandle answers = voice.session.makeCall(Harness.L1, "sip:agent@example.com", INTERACTIVEVOICE.bit());
        CallHandle busy = voice.session.makeCall(Harness.L1, "busy@example.com", INTERACTIVEVOICE.bit());
        CallHandle silent = voice.session.makeCall(Harness.L1, "sip:noanswer-7@example.com", INTERACTIVEVOICE.bit());
        CallHandle refused = voice.session.makeCall(Harness.L1, "reject", INTERACTIVEVOICE.bit());

        assertThat(states(busy)).containsExactly("DIALING/OWNER", "PROCEEDING", "DISCONNECTED(BUSY)", "IDLE");
        assertThat(states(refused)).containsExactly("DIALING/OWNER", "PROCEEDING", "DISCONNECTED(REJECT)", "IDLE");
        time.advance(Duration.ofSeconds(2));
        assertThat(states(answers)).containsExactly("DIALING/OWNER", "PROCEEDING", "RINGBACK", "CONNECTED");
        assertThat(states(silent)).containsExactly("DIALING/OWNER", "PROCEEDING", "RINGBACK");
        time.advance(Duration.ofSeconds(28));
        assertThat(states(silent)).endsWith("RINGBACK", "DISCONNECTED(NOANSWER)", "IDLE");

        // once answered it is a simulated call like any other
        String pcid = viewOf(answers).providerCallId();
        String op = voice.session.control().gatherDigits(answers, GatherRequest.digits(1));
        h.sim.sendDigits(pcid, "5");
        assertThat(completion(op).digits()).isEqualTo("5");
        h.sim.hangUp(pcid);
        assertThat(states(answers)).endsWith("DISCONNECTED", "IDLE");
    }

    @Test
    void droppingACallStillRingingCallsOffItsProgress_R30() {
        CallHandle made = voice.session.makeCall(Harness.L1, "sip:agent@example.com", INTERACTIVEVOICE.bit());
        voice.session.control().drop(made);
        time.advance(Duration.ofMinutes(1));
        assertThat(states(made)).containsExactly("DIALING/OWNER", "PROCEEDING", "RINGBACK", "DISCONNECTED", "IDLE");
        assertThat(time.pending()).isZero();
    }

    @Test
    void redirectsAndTransfersSucceedOrFailByTheDestinationsName_R29() throws Exception {
        TestCall ringing = h.place(INTERACTIVEVOICE);
        voice.session.control().redirect(voice.handle(ringing), "sip:busy@example.com");
        assertThat(voice.sink.transferResults(ringing.id())).singleElement().satisfies(r -> {
            assertThat(r.succeeded()).isFalse();
            assertThat(r.lineReason()).isEqualTo("486 Busy Here");
        });
        voice.session.control().redirect(voice.handle(ringing), "sip:operator@example.com");
        assertThat(voice.events(ringing)).endsWith("REDIRECT SUCCESS", "DISCONNECTED(TRANSFERRED)", "IDLE");
        assertThat(h.sim.liveCalls()).doesNotContain(ringing.simId());

        TestCall talking = answered();
        Path file = dir.resolve("before-transfer.wav");
        String rec = voice.session.control().record(voice.handle(talking), RecordRequest.to(file));
        time.advance(Duration.ofMillis(700));
        voice.session.control().blindTransfer(voice.handle(talking), "operator");
        assertThat(voice.events(talking)).endsWith("COMPLETED RECORD CANCELLED", "BLIND_TRANSFER SUCCESS",
                "DISCONNECTED(TRANSFERRED)", "IDLE");
        assertThat(completion(rec).recordedLength()).isEqualTo(Duration.ofMillis(700));
        assertThat(read(file)).hasSize(5600);
    }

    @Test
    void bridgesLastUntilUnbridgedOrAHangUp_R31() {
        TestCall a = answered();
        TestCall b = answered();
        String bridge = voice.session.control().bridge(voice.handle(a), voice.handle(b));
        assertThat(h.sim.bridges()).containsExactly(bridge);
        voice.session.control().unbridge(voice.handle(a));
        assertThat(h.sim.bridges()).isEmpty();
        String again = voice.session.control().bridge(voice.handle(a), voice.handle(b));
        h.hangUp(b);
        assertThat(h.sim.bridges()).doesNotContain(again);
        assertThat(voice.sink.bridgeEnds()).hasSize(2);
        assertThat(voice.info(a).state()).isEqualTo(CallState.CONNECTED);
    }

    @Test
    void theSimulatorTellsWhatTheCallerHeardUntilTheCallEnds_R28() {
        TestCall call = answered();
        String gather = voice.session.control().gatherDigits(voice.handle(call), GatherRequest.digits(1)
                .withPrompts(Tone.RINGBACK));
        assertThat(h.sim.played(call.simId())).containsExactly("tone:RINGBACK");
        h.sim.sendDigits(call.simId(), "1");
        assertThat(completion(gather).digits()).isEqualTo("1");
        voice.session.control().record(voice.handle(call), RecordRequest.to(dir.resolve("after-beep.wav"))
                .withBeep(true));
        assertThat(h.sim.played(call.simId())).containsExactly("tone:RINGBACK", "tone:BEEP");

        h.hangUp(call);
        assertThat(h.sim.played(call.simId())).as("forgotten with the call").isEmpty();
    }

    @Test
    void theSimulatorTellsWhichCallACallIsBridgedTo_R31() {
        TestCall a = answered();
        TestCall b = answered();
        assertThat(h.sim.bridgedTo(a.simId())).isEmpty();
        voice.session.control().bridge(voice.handle(a), voice.handle(b));
        assertThat(h.sim.bridgedTo(a.simId())).contains(b.simId());
        assertThat(h.sim.bridgedTo(b.simId())).contains(a.simId());
        h.hangUp(b);
        assertThat(h.sim.bridgedTo(a.simId())).isEmpty();
    }

    private java.util.List<String> states(CallHandle handle) {
        return voice.sink.ofHandle(handle).stream().map(RecordingSink::describe).toList();
    }

    private CallView viewOf(CallHandle handle) {
        String callId = voice.sink.ofHandle(handle).get(0).callId();
        return h.sb.call(callId).orElseThrow();
    }

    private static short[] read(Path file) throws Exception {
        assertThat(AudioFiles.check(file).format().getSampleRate()).isEqualTo(8000f);
        try (AudioInputStream in = AudioFiles.openLinear16(file, 8000)) {
            byte[] b = in.readAllBytes();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((b[2 * i + 1] << 8) | (b[2 * i] & 0xff));
            }
            return s;
        }
    }

    private static int maxAbs(short[] s, int from, int to) {
        int m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(s[i]));
        }
        return m;
    }
}
