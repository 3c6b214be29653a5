package dev.switchboard.sip.rtp;

import static dev.switchboard.sip.rtp.TestStreams.packetTimes;
import static dev.switchboard.sip.rtp.TestStreams.receive;
import static dev.switchboard.sip.rtp.TestStreams.stream;
import static dev.switchboard.sip.rtp.TestStreams.tonePackets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Goertzel;
import dev.switchboard.sip.media.RtpPacket;
import dev.switchboard.sip.media.Tone;
import dev.switchboard.sip.media.WavReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording what the caller sends into a WAV file, and each way a recording ends. */
class RecordingTest {

    @TempDir
    Path dir;

    private final SentPackets sink = new SentPackets();
    private final List<RecordingResult> results = new ArrayList<>();
    private int sequence = 1;
    private long timestamp = 1000;

    /** The caller sends {@code packets} packet times of {@code tone} (or silence), one per packet time. */
    private void callerSends(RtpStream s, Tone tone, int packets, G711 law) {
        for (byte[] p : tonePackets(tone, law, law.payloadType(), packets, sequence, timestamp)) {
            receive(s, p);
            packetTimes(s, 1);
        }
        sequence += packets;
        timestamp += 160L * packets;
    }

    @Test
    void whatTheCallerSendsIsWrittenAsPcmUntilStopped() throws Exception {
        Path file = dir.resolve("vm/1.wav");
        RtpStream s = stream(G711.ALAW, sink);
        s.record(RecordSettings.to(file), results::add);

        callerSends(s, Tone.of(0, 1100), 25, G711.ALAW);
        assertThat(s.stopRecording()).isTrue();
        assertThat(s.stopRecording()).isFalse();

        assertThat(results).containsExactly(new RecordingResult(Ending.STOPPED, file, 500, null));
        short[] pcm = WavReader.read(file);
        assertThat(pcm).hasSize(4000);
        assertThat(Goertzel.share(pcm, 1100)).isGreaterThan(0.99);
        assertThat(Goertzel.levelDbm0(pcm, 0, pcm.length)).isBetween(-11.0, -9.0);
    }

    @Test
    void aRecordingEndsAtItsMaximumDuration() throws Exception {
        Path file = dir.resolve("max.wav");
        RtpStream s = stream(G711.ULAW, sink);
        s.record(RecordSettings.to(file).withMaxDuration(300), results::add);

        callerSends(s, Tone.of(0, 500), 30, G711.ULAW);

        assertThat(results).containsExactly(new RecordingResult(Ending.MAX_DURATION, file, 300, null));
        assertThat(WavReader.read(file)).hasSize(2400);
    }

    /** Half a second of speech-level tone, then a quiet line: the recording stops and the quiet tail is cut. */
    @Test
    void aRecordingEndsAfterItsMaximumSilenceWithoutTheSilence() throws Exception {
        Path file = dir.resolve("silence.wav");
        RtpStream s = stream(G711.ULAW, sink);
        s.record(RecordSettings.to(file).withMaxSilence(1000), results::add);

        callerSends(s, Tone.of(0, 400).atLevel(-20), 25, G711.ULAW);
        callerSends(s, Tone.of(0, 400).atLevel(-55), 49, G711.ULAW); // line noise, below -40 dBm0
        assertThat(results).isEmpty();
        callerSends(s, Tone.of(0, 400).atLevel(-55), 1, G711.ULAW);

        assertThat(results).containsExactly(new RecordingResult(Ending.MAX_SILENCE, file, 500, null));
        assertThat(Goertzel.levelDbm0(WavReader.read(file), 0, 4000)).isBetween(-21.0, -19.0);
    }

    /** A caller that sends nothing at all (silence suppression) is silent too: time is counted in ticks. */
    @Test
    void noPacketsAtAllCountAsSilence() {
        RtpStream s = stream(G711.ULAW, sink);
        s.record(RecordSettings.to(dir.resolve("nothing.wav")).withMaxSilence(200), results::add);

        packetTimes(s, 10);

        assertThat(results).extracting(RecordingResult::ending, RecordingResult::lengthMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Ending.MAX_SILENCE, 0L));
    }

    @Test
    void withABeepTheCallerHearsItFirstAndRecordingStartsAfterIt() throws Exception {
        Path file = dir.resolve("beep.wav");
        RtpStream s = stream(G711.ULAW, sink);
        s.record(RecordSettings.to(file).withBeep(true), results::add);

        callerSends(s, Tone.of(0, 2000), 11, G711.ULAW); // during the 200 ms beep: not kept
        callerSends(s, Tone.of(0, 700), 10, G711.ULAW);
        s.stopRecording();

        short[] sent = sink.decoded(G711.ULAW, 0);
        assertThat(Goertzel.share(sent, 0, 1600, 1000)).isGreaterThan(0.99);
        assertThat(sink.packets().get(0).marker()).isTrue();
        short[] kept = WavReader.read(file);
        assertThat(kept).hasSize(1600);
        assertThat(Goertzel.share(kept, 700)).isGreaterThan(0.99);
    }

    @Test
    void hangingUpEndsTheRecordingAsCallGoneWithItsFileWritten() throws Exception {
        Path file = dir.resolve("hangup.wav");
        RtpStream s = stream(G711.ULAW, sink);
        s.record(RecordSettings.to(file), results::add);
        callerSends(s, Tone.of(0, 900), 10, G711.ULAW);

        s.close();

        assertThat(results).containsExactly(new RecordingResult(Ending.CALL_GONE, file, 200, null));
        assertThat(WavReader.read(file)).hasSize(1600);
    }

    @Test
    void aNewRecordingStopsTheRunningOne() {
        RtpStream s = stream(G711.ULAW, sink);
        List<RecordingResult> second = new ArrayList<>();
        s.record(RecordSettings.to(dir.resolve("a.wav")), results::add);

        s.record(RecordSettings.to(dir.resolve("b.wav")), second::add);
        s.close();

        assertThat(results).extracting(RecordingResult::ending).containsExactly(Ending.STOPPED);
        assertThat(second).extracting(RecordingResult::ending).containsExactly(Ending.CALL_GONE);
    }

    @Test
    void telephoneEventsAreNotRecorded() throws Exception {
        Path file = dir.resolve("digits.wav");
        RtpStream s = stream(G711.ULAW, sink);
        s.record(RecordSettings.to(file), results::add);

        receive(s, TestStreams.packet(101, true, 1, 1, 7, new byte[] {5, 10, 0, (byte) 160}));
        s.stopRecording();

        assertThat(results.get(0).lengthMillis()).isZero();
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void aFileThatCannotBeWrittenEndsTheRecordingAsFailedSayingWhy() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        RtpStream s = stream(G711.ULAW, sink);
        s.record(RecordSettings.to(blocker.resolve("rec.wav")), results::add);

        s.stopRecording();

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.ending()).isEqualTo(Ending.FAILED);
            assertThat(r.failure()).contains("not-a-dir");
        });
    }

    @Test
    void theCallerAudioStillReachesTheConsumerWhileRecording() {
        RtpStream s = stream(G711.ULAW, sink);
        List<Integer> seen = new ArrayList<>();
        s.consumer((RtpPacket p, StreamSettings settings) -> seen.add(p.sequenceNumber()));
        s.record(RecordSettings.to(dir.resolve("c.wav")), results::add);

        callerSends(s, Tone.of(0, 900), 3, G711.ULAW);

        assertThat(seen).containsExactly(1, 2, 3);
    }
}
