package dev.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link FaxToneDetector}, which the RTP engine feeds every G.711
 * payload of a call. An input is one byte choosing the law (even: µ-law, odd: A-law), then the
 * payloads framed as {@link Datagrams} says. The contract: each frame gives a tone or nothing;
 * a frame shorter than {@link FaxToneDetector#MIN_FRAME} gives IllegalArgumentException, as
 * documented. Two properties: the G.711 and the linear entry points agree frame by frame, and
 * after {@link FaxToneDetector#reset()} the same frames give the same reports. Seeds:
 * {@code FaxToneDetectorFuzzTestInputs/detect} (the fax-tone captures' payloads, silence,
 * noise). See docs/fuzzing.md.
 */
class FaxToneDetectorFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void detect(byte[] input) {
        if (input.length == 0) {
            return;
        }
        G711 law = (input[0] & 1) == 0 ? G711.ULAW : G711.ALAW;
        List<byte[]> frames = Datagrams.split(Arrays.copyOfRange(input, 1, input.length));
        FaxToneDetector codes = new FaxToneDetector();
        FaxToneDetector linear = new FaxToneDetector();

        List<FaxTone> reports = feed(codes, linear, frames, law);
        codes.reset();
        linear.reset();
        assertEquals(reports, feed(codes, linear, frames, law), "the reports after reset()");
    }

    private static List<FaxTone> feed(FaxToneDetector codes, FaxToneDetector linear, List<byte[]> frames, G711 law) {
        List<FaxTone> reports = new ArrayList<>();
        for (byte[] frame : frames) {
            short[] pcm = new short[frame.length];
            law.decode(frame, 0, pcm, 0, frame.length);
            if (frame.length < FaxToneDetector.MIN_FRAME) {
                assertThrows(IllegalArgumentException.class, () -> codes.process(frame, 0, frame.length, law));
                assertThrows(IllegalArgumentException.class, () -> linear.process(pcm, 0, pcm.length));
                continue;
            }
            FaxTone tone = codes.process(frame, 0, frame.length, law);
            assertEquals(tone, linear.process(pcm, 0, pcm.length), "the linear entry point on the same frame");
            reports.add(tone);
        }
        return reports;
    }
}
