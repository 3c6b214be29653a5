package dev.switchboard.sip.rtp;

import static dev.switchboard.sip.rtp.TestStreams.packetTimes;
import static dev.switchboard.sip.rtp.TestStreams.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Goertzel;
import dev.switchboard.sip.media.Prompt;
import dev.switchboard.sip.media.PromptException;
import dev.switchboard.sip.media.RtpPacket;
import dev.switchboard.sip.media.Tone;
import dev.switchboard.sip.media.WavWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompts and tones on a stream, and the one completion each play ends with. */
class PlaybackTest {

    private final SentPackets sink = new SentPackets();
    private final Completions done = new Completions();

    @Test
    void aToneIsSentPacketByPacketThenSilenceAndOneFinishedCompletion() {
        RtpStream s = stream(G711.ALAW, sink);
        packetTimes(s, 2);
        s.generateTone(Tone.of(200, 1000), done);

        packetTimes(s, 10); // the tone: 200 ms
        assertThat(done.endings()).isEmpty();
        packetTimes(s, 3);

        List<RtpPacket> p = sink.packets();
        assertThat(p).extracting(RtpPacket::marker)
                .containsExactly(true, false, true, false, false, false, false, false, false, false, false, false,
                        false, false, false);
        short[] audio = sink.decoded(G711.ALAW, 8);
        assertThat(Goertzel.share(audio, 320, 1600, 1000)).isGreaterThan(0.99);
        assertThat(Arrays.copyOfRange(audio, 1920, audio.length)).containsOnly((short) 8); // A-law's idle code, ±8
        assertThat(done.endings()).containsExactly(Ending.FINISHED);
    }

    @Test
    void aWavFilePlaysAsWritten(@TempDir Path dir) throws Exception {
        short[] samples = ToneSamples.of(Tone.of(300, 700), 2400);
        Path wav = dir.resolve("hello.wav");
        WavWriter.write(wav, samples, samples.length);
        RtpStream s = stream(G711.ULAW, sink);

        s.play(Prompt.file(wav), done);
        packetTimes(s, 16);

        short[] audio = sink.decoded(G711.ULAW, 0);
        assertThat(Goertzel.share(audio, 0, 2400, 700)).isGreaterThan(0.99);
        for (int i = 0; i < 2400; i++) {
            assertThat(Math.abs(audio[i] - samples[i])).isLessThanOrEqualTo(Math.max(16, Math.abs(samples[i]) / 16));
        }
        assertThat(done.endings()).containsExactly(Ending.FINISHED);
    }

    @Test
    void anUnreadableFileFailsThePlayAtOnceAndLeavesTheRunningOne() {
        RtpStream s = stream(G711.ULAW, sink);
        Completions running = new Completions();
        s.generateTone(Tone.BUSY, running);

        assertThatThrownBy(() -> s.play(Prompt.file(Path.of("/nonexistent/x.wav")), done))
                .isInstanceOf(PromptException.class).hasMessageContaining("x.wav");
        packetTimes(s, 5);

        assertThat(running.endings()).isEmpty();
        assertThat(done.endings()).isEmpty();
    }

    @Test
    void stopMediaEndsThePlayOnceAsStoppedAndSilenceFollows() {
        RtpStream s = stream(G711.ULAW, sink);
        s.generateTone(Tone.RINGBACK, done);
        packetTimes(s, 5);

        assertThat(s.stopMedia()).isTrue();
        assertThat(s.stopMedia()).isFalse();
        packetTimes(s, 2);

        assertThat(done.endings()).containsExactly(Ending.STOPPED);
        assertThat(sink.last().payload()).containsOnly((byte) 0xFF);
    }

    @Test
    void aNewPlayEndsTheRunningOneAsStopped() throws PromptException {
        RtpStream s = stream(G711.ULAW, sink);
        Completions second = new Completions();
        s.generateTone(Tone.BUSY, done);
        packetTimes(s, 2);

        s.play(Prompt.sequence(Tone.of(40, 2000)), second);
        packetTimes(s, 4);

        assertThat(done.endings()).containsExactly(Ending.STOPPED);
        assertThat(second.endings()).containsExactly(Ending.FINISHED);
        assertThat(sink.packets().get(2).marker()).isTrue(); // the new prompt starts a talkspurt
    }

    @Test
    void closingTheStreamEndsThePlayAsCallGoneAndLaterPlaysToo() {
        RtpStream s = stream(G711.ULAW, sink);
        s.generateTone(Tone.BUSY, done);
        s.close();
        s.close();
        Completions late = new Completions();

        s.generateTone(Tone.BEEP, late);

        assertThat(done.endings()).containsExactly(Ending.CALL_GONE);
        assertThat(late.endings()).containsExactly(Ending.CALL_GONE);
    }

    @Test
    void completionsRunOnTheStreamsExecutorNotOnThePacingThread() {
        List<Runnable> queued = new ArrayList<>();
        RtpStream s = new RtpStream("call-q", StreamSettings.of(G711.ULAW).withRemote(TestStreams.PEER), sink,
                TestStreams.TICK, queued::add, c -> { });
        s.generateTone(Tone.of(20, 1000), done);

        packetTimes(s, 3);
        assertThat(done.endings()).isEmpty();
        queued.forEach(Runnable::run);

        assertThat(done.endings()).containsExactly(Ending.FINISHED);
    }

    /** Samples of a tone, for building test files. */
    static final class ToneSamples {
        static short[] of(Tone tone, int count) {
            short[] s = new short[count];
            tone.open().read(s, 0, count);
            return s;
        }
    }
}
