package dev.switchboard.sip.media;

import java.util.Arrays;

/**
 * Detects the fax tones CNG (1100 Hz) and CED (2100 Hz) in 8 kHz audio fed frame by frame,
 * with Goertzel filters. A tone is reported once, when it has been present for
 * {@link Settings#steadyMillis()}, and again only after it has stopped and restarted (so each
 * CNG burst is reported once).
 *
 * <p>A frame holds a tone when two things are true. Its level is above a floor, so silence
 * and line noise are ignored. And the tone holds a large share of the frame's energy (see
 * {@link Settings#minToneShare()}): speech, music, noise and DTMF spread their energy over
 * many frequencies, a fax tone puts nearly all of it in one. Measuring a share rather than an
 * absolute power makes the test independent of the level.
 *
 * <p>Each tone is probed at its frequency and 25 Hz either side: with 20 ms frames one
 * Goertzel bin is 50 Hz wide, and the side probes keep the tolerance of T.30 (CNG ±38 Hz,
 * CED ±15 Hz) inside a probe's main lobe. Feeding a frame allocates nothing.
 */
public final class FaxToneDetector {

    public static final int SAMPLE_RATE = 8000;
    /** The fewest samples a frame may have (10 ms): shorter frames make the bins too wide. */
    public static final int MIN_FRAME = 80;
    /** The RMS of a 0 dBm0 sine in 16-bit linear G.711, which peaks 3.14 dB above 0 dBm0. */
    static final double RMS_AT_0_DBM0 = 32768 / Math.sqrt(2) / Math.pow(10, 3.14 / 20);
    private static final double[] PROBE_OFFSETS_HZ = {-25, 0, 25};
    private static final FaxTone[] TONES = FaxTone.values();

    /**
     * @param steadyMillis  how long a tone must last before it is reported; T.30's CNG burst
     *                      is 500 ms, so this should stay below about 450 ms
     * @param minToneShare  the smallest share (0 to 1) of a frame's energy the tone must hold
     * @param minLevelDbm0  frames quieter than this are taken as silence
     * @param maxGapMillis  how long a tone may drop out (a phase reversal in ANSam, a lost
     *                      packet) without starting its count again
     */
    public record Settings(int steadyMillis, double minToneShare, double minLevelDbm0, int maxGapMillis) {

        public Settings {
            if (steadyMillis < 20) {
                throw new IllegalArgumentException("steadyMillis must be at least 20, was " + steadyMillis);
            }
            if (!(minToneShare > 0 && minToneShare < 1)) {
                throw new IllegalArgumentException("minToneShare must be between 0 and 1, was " + minToneShare);
            }
            if (!(minLevelDbm0 < 0)) {
                throw new IllegalArgumentException("minLevelDbm0 must be below 0, was " + minLevelDbm0);
            }
            if (maxGapMillis < 0) {
                throw new IllegalArgumentException("maxGapMillis must not be negative, was " + maxGapMillis);
            }
        }

        /** 400 ms steady, 60 % of the energy, -45 dBm0 floor (T.30 asks for -43), one 20 ms frame of gap. */
        public static Settings defaults() {
            return new Settings(400, 0.6, -45, 20);
        }
    }

    private final Settings settings;
    private final int steadySamples;
    private final int maxGapSamples;
    private final double minMeanSquare;
    private final double[] coefficients = new double[TONES.length * PROBE_OFFSETS_HZ.length];
    private final double[] s1 = new double[coefficients.length];
    private final double[] s2 = new double[coefficients.length];
    private final int[] presentSamples = new int[TONES.length];
    private final int[] gapSamples = new int[TONES.length];
    private final boolean[] reported = new boolean[TONES.length];
    private double energy;

    public FaxToneDetector() {
        this(Settings.defaults());
    }

    public FaxToneDetector(Settings settings) {
        this.settings = settings;
        this.steadySamples = settings.steadyMillis() * SAMPLE_RATE / 1000;
        this.maxGapSamples = settings.maxGapMillis() * SAMPLE_RATE / 1000;
        double minRms = RMS_AT_0_DBM0 * Math.pow(10, settings.minLevelDbm0() / 20);
        this.minMeanSquare = minRms * minRms;
        for (int t = 0; t < TONES.length; t++) {
            for (int p = 0; p < PROBE_OFFSETS_HZ.length; p++) {
                double hz = TONES[t].frequencyHz() + PROBE_OFFSETS_HZ[p];
                coefficients[t * PROBE_OFFSETS_HZ.length + p] = 2 * Math.cos(2 * Math.PI * hz / SAMPLE_RATE);
            }
        }
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Feeds one frame of linear samples.
     *
     * @return the tone that has just become steady in this frame, or {@code null}
     */
    public FaxTone process(short[] pcm, int off, int len) {
        startFrame(len);
        for (int i = 0; i < len; i++) {
            feed(pcm[off + i]);
        }
        return endFrame(len);
    }

    /** Feeds one frame of G.711 codes, such as an RTP payload, decoding on the fly. */
    public FaxTone process(byte[] g711, int off, int len, G711 law) {
        startFrame(len);
        for (int i = 0; i < len; i++) {
            feed(law.toLinear(g711[off + i]));
        }
        return endFrame(len);
    }

    /** Forgets all tone history, as at the start of a call or after a media change. */
    public void reset() {
        for (int t = 0; t < TONES.length; t++) {
            presentSamples[t] = 0;
            gapSamples[t] = 0;
            reported[t] = false;
        }
    }

    private void startFrame(int len) {
        if (len < MIN_FRAME) {
            throw new IllegalArgumentException("a frame needs at least " + MIN_FRAME + " samples, had " + len);
        }
        Arrays.fill(s1, 0);
        Arrays.fill(s2, 0);
        energy = 0;
    }

    private void feed(double x) {
        energy += x * x;
        for (int k = 0; k < coefficients.length; k++) {
            double s = x + coefficients[k] * s1[k] - s2[k];
            s2[k] = s1[k];
            s1[k] = s;
        }
    }

    private FaxTone endFrame(int len) {
        FaxTone detected = null;
        boolean loudEnough = energy >= minMeanSquare * len;
        for (int t = 0; t < TONES.length; t++) {
            if (loudEnough && toneShare(t, len) >= settings.minToneShare()) {
                presentSamples[t] += len;
                gapSamples[t] = 0;
                if (!reported[t] && presentSamples[t] >= steadySamples) {
                    reported[t] = true;
                    detected = TONES[t];
                }
            } else if ((gapSamples[t] += len) > maxGapSamples) {
                presentSamples[t] = 0;
                reported[t] = false;
            }
        }
        return detected;
    }

    /**
     * The share of the frame's energy in the strongest probe of tone {@code t}. For a sine at
     * a probe's frequency the Goertzel power is (A·N/2)² and the energy N·A²/2, so
     * 2·power / (N·energy) is 1 for a pure tone and near 2/N for white noise.
     */
    private double toneShare(int t, int len) {
        double best = 0;
        for (int p = 0; p < PROBE_OFFSETS_HZ.length; p++) {
            int k = t * PROBE_OFFSETS_HZ.length + p;
            double power = s1[k] * s1[k] + s2[k] * s2[k] - coefficients[k] * s1[k] * s2[k];
            best = Math.max(best, power);
        }
        return 2 * best / (len * energy);
    }
}
