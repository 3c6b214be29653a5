package dev.switchboard.sip.media;

import static dev.switchboard.sip.media.Signals.concat;
import static dev.switchboard.sip.media.Signals.detect;
import static dev.switchboard.sip.media.Signals.dtmf;
import static dev.switchboard.sip.media.Signals.harmonics;
import static dev.switchboard.sip.media.Signals.mix;
import static dev.switchboard.sip.media.Signals.silence;
import static dev.switchboard.sip.media.Signals.sine;
import static dev.switchboard.sip.media.Signals.whiteNoise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.MediaMode;
import com.sun.management.ThreadMXBean;
import dev.switchboard.sip.media.Signals.Detection;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaxToneDetectorTest {

    /** From +2 dBm0 down to about -38 dBm0, above the -43 dBm0 that T.30 asks receivers to hear. */
    @ParameterizedTest(name = "amplitude {0}")
    @ValueSource(ints = {30000, 8000, 1000, 300})
    void cngIsDetectedOnceAfterAbout400msAtAnyLevel(int amplitude) {
        List<Detection> found = detect(concat(silence(100), sine(1100, amplitude, 500), silence(3000)));

        assertThat(found).containsExactly(new Detection(FaxTone.CNG, 500));
    }

    @ParameterizedTest(name = "amplitude {0}")
    @ValueSource(ints = {30000, 8000, 1000, 300})
    void cedIsDetectedOnceAlthoughItLastsSeconds(int amplitude) {
        List<Detection> found = detect(concat(sine(2100, amplitude, 3300), silence(500)));

        assertThat(found).containsExactly(new Detection(FaxTone.CED, 400));
        assertThat(FaxTone.CED.mediaMode()).isEqualTo(MediaMode.G3FAX);
    }

    @Test
    void eachCngBurstOfTheCadenceIsReportedOnce() {
        short[] cycle = concat(sine(1100, 8000, 500), silence(3000));

        List<Detection> found = detect(concat(cycle, cycle, cycle));

        assertThat(found).extracting(Detection::atMillis).containsExactly(400, 3900, 7400);
    }

    @Test
    void aToneShorterThanTheSteadyTimeIsNotReported() {
        assertThat(detect(concat(sine(1100, 8000, 360), silence(200), sine(1100, 8000, 360)))).isEmpty();
    }

    @Test
    void steadyTimeIsConfigurable() {
        FaxToneDetector quick = new FaxToneDetector(new FaxToneDetector.Settings(200, 0.6, -45, 20));

        assertThat(detect(quick, sine(2100, 8000, 1000), 160)).containsExactly(new Detection(FaxTone.CED, 200));
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {1062, 1080, 1112, 1125, 1138})
    void cngWithinTheT30ToleranceIsDetected(int hz) {
        assertThat(detect(sine(hz, 8000, 600))).extracting(Detection::tone).containsExactly(FaxTone.CNG);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {2085, 2093, 2115})
    void cedWithinTheT30ToleranceIsDetected(int hz) {
        assertThat(detect(sine(hz, 8000, 600))).extracting(Detection::tone).containsExactly(FaxTone.CED);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {400, 1000, 1004, 1200, 1250, 1800, 1950, 2250, 2600})
    void otherSteadyTonesAreNotFaxTones(int hz) {
        assertThat(detect(sine(hz, 8000, 2000))).isEmpty();
    }

    @Test
    void noDtmfKeyTriggersEvenWhenHeldLong() {
        for (char key : "0123456789*#ABCD".toCharArray()) {
            assertThat(detect(dtmf(key, 6000, 1500))).as("key %s", key).isEmpty();
        }
    }

    @Test
    void whiteNoiseAndSilenceDoNotTrigger() {
        assertThat(detect(whiteNoise(20000, 5000, 1))).isEmpty();
        assertThat(detect(whiteNoise(300, 5000, 2))).isEmpty();
        assertThat(detect(silence(5000))).isEmpty();
    }

    @Test
    void voicedSoundWithAHarmonicOnTheFaxFrequencyDoesNotTrigger() {
        // f0 220 Hz puts the 5th harmonic on 1100 Hz; f0 300 Hz puts the 7th on 2100 Hz.
        assertThat(detect(harmonics(220, 4000, 2000))).isEmpty();
        assertThat(detect(harmonics(300, 4000, 2000))).isEmpty();
    }

    @Test
    void aFaxFrequencyThatDoesNotDominateTheSoundIsNotATone() {
        // Music or a test chord: 1100 Hz holds a third of the energy, 2100 Hz a quarter.
        short[] chord = mix(mix(sine(700, 4000, 2000), sine(1100, 4000, 2000)), sine(1500, 4000, 2000));
        short[] withCed = mix(chord, sine(2100, 4000, 2000));

        assertThat(detect(chord)).isEmpty();
        assertThat(detect(withCed)).isEmpty();
    }

    @Test
    void aToneBelowTheLevelFloorIsIgnored() {
        // Amplitude 50 is about -53 dBm0, below the -45 dBm0 floor.
        assertThat(detect(sine(2100, 50, 2000))).isEmpty();
    }

    @Test
    void aToneInNoiseAt10dBSnrIsStillDetected() {
        // A sine of amplitude A has power A^2/2; uniform noise of amplitude B has B^2/3.
        short[] noisy = mix(sine(1100, 3000, 600), whiteNoise(3000 * Math.sqrt(1.5) / Math.sqrt(10), 600, 3));

        assertThat(detect(noisy)).extracting(Detection::tone).containsExactly(FaxTone.CNG);
    }

    @Test
    void answerToneWithPhaseReversalsIsDetected() {
        // V.25 ANSam-like: 2100 Hz whose phase turns by 180 degrees every 450 ms.
        short[] ans = concat(sine(2100, 8000, 450, 0), sine(2100, 8000, 450, Math.PI),
                sine(2100, 8000, 450, 0), sine(2100, 8000, 450, Math.PI));

        assertThat(detect(ans)).extracting(Detection::tone).containsExactly(FaxTone.CED);
    }

    @Test
    void aSingleLostFrameIsBridgedButTwoRestartTheCount() {
        // The gap does not count as tone: 400 ms of tone are complete at 420 ms.
        assertThat(detect(concat(sine(1100, 8000, 200), silence(20), sine(1100, 8000, 220))))
                .containsExactly(new Detection(FaxTone.CNG, 420));
        assertThat(detect(concat(sine(1100, 8000, 200), silence(40), sine(1100, 8000, 220)))).isEmpty();
    }

    @Test
    void speechAfterAToneDoesNotReportItAgainButResetDoes() {
        FaxToneDetector detector = new FaxToneDetector();
        short[] tone = sine(2100, 8000, 600);

        assertThat(detect(detector, tone, 160)).hasSize(1);
        assertThat(detect(detector, tone, 160)).as("tone still going on").isEmpty();
        detector.reset();
        assertThat(detect(detector, tone, 160)).hasSize(1);
    }

    @Test
    void framesOf10And30msWorkToo() {
        assertThat(detect(new FaxToneDetector(), sine(1100, 8000, 500), 80))
                .containsExactly(new Detection(FaxTone.CNG, 400));
        assertThat(detect(new FaxToneDetector(), sine(1100, 8000, 500), 240))
                .containsExactly(new Detection(FaxTone.CNG, 420));
    }

    @Test
    void badFramesAndSettingsAreRefused() {
        FaxToneDetector detector = new FaxToneDetector();

        assertThatThrownBy(() -> detector.process(new short[40], 0, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 80 samples, had 40");
        assertThatThrownBy(() -> new FaxToneDetector.Settings(400, 1.5, -45, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minToneShare");
        assertThatThrownBy(() -> new FaxToneDetector.Settings(10, 0.6, -45, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steadyMillis");
    }

    @Test
    void feedingFramesAllocatesNothing() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof ThreadMXBean, "needs HotSpot's per-thread allocation counter");
        ThreadMXBean hotspot = (ThreadMXBean) threads;
        FaxToneDetector detector = new FaxToneDetector();
        short[] pcm = sine(1100, 8000, 1000);
        byte[] ulaw = new byte[160];
        for (int warm = 0; warm < 20_000; warm++) { // let the JIT compile the frame loop
            detector.process(pcm, (warm % 50) * 160, 160);
            detector.process(ulaw, 0, 160, G711.ULAW);
        }
        long id = Thread.currentThread().getId();
        long before = hotspot.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1000; i++) {
            detector.process(pcm, (i % 50) * 160, 160);
            detector.process(ulaw, 0, 160, G711.ULAW);
        }
        long allocated = hotspot.getThreadAllocatedBytes(id) - before;

        // A few hundred bytes of slack for the counter's own bookkeeping; one allocation a frame would be >= 32 KB.
        assertThat(allocated).isLessThan(1024);
    }
}
