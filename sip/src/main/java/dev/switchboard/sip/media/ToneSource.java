package dev.switchboard.sip.media;

/**
 * Generates a {@link Tone}. Within a frame each component is a phasor turned by one step per
 * sample (four multiplications instead of a sine); at the start of every frame the phasor is
 * set again from the sample index, so rounding never accumulates, the frequency stays exact
 * however long the tone plays, and the wave is continuous across frames and cadence gaps.
 */
final class ToneSource implements AudioSource {

    private final double[] radiansPerSample;
    private final double[] stepCos;
    private final double[] stepSin;
    private final double[] cos;
    private final double[] sin;
    private final double amplitude;
    private final long[] cadenceEnds;
    private final long totalSamples;
    private long n;

    ToneSource(Tone tone) {
        radiansPerSample = tone.frequenciesHz().stream()
                .mapToDouble(hz -> 2 * Math.PI * hz / SAMPLE_RATE).toArray();
        stepCos = new double[radiansPerSample.length];
        stepSin = new double[radiansPerSample.length];
        for (int k = 0; k < radiansPerSample.length; k++) {
            stepCos[k] = Math.cos(radiansPerSample[k]);
            stepSin[k] = Math.sin(radiansPerSample[k]);
        }
        cos = new double[radiansPerSample.length];
        sin = new double[radiansPerSample.length];
        amplitude = Dbm0.sineAmplitude(tone.levelDbm0());
        cadenceEnds = new long[tone.cadenceMillis().size()];
        long at = 0;
        for (int i = 0; i < cadenceEnds.length; i++) {
            at += samples(tone.cadenceMillis().get(i));
            cadenceEnds[i] = at;
        }
        totalSamples = tone.durationMillis() == 0 ? Long.MAX_VALUE : samples(tone.durationMillis());
    }

    @Override
    public int read(short[] buffer, int off, int len) {
        int count = (int) Math.min(len, totalSamples - n);
        for (int k = 0; k < radiansPerSample.length; k++) {
            double phase = (radiansPerSample[k] * n) % (2 * Math.PI);
            cos[k] = Math.cos(phase);
            sin[k] = Math.sin(phase);
        }
        for (int i = 0; i < count; i++, n++) {
            buffer[off + i] = on(n) ? sample() : 0;
            turn();
        }
        return count;
    }

    private short sample() {
        double v = 0;
        for (double s : sin) {
            v += s;
        }
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(amplitude * v)));
    }

    /** Advances every component by one sample. */
    private void turn() {
        for (int k = 0; k < cos.length; k++) {
            double c = cos[k] * stepCos[k] - sin[k] * stepSin[k];
            sin[k] = sin[k] * stepCos[k] + cos[k] * stepSin[k];
            cos[k] = c;
        }
    }

    /** Whether sample {@code index} falls in an "on" part of the cadence. */
    private boolean on(long index) {
        if (cadenceEnds.length == 0) {
            return true;
        }
        long inCycle = index % cadenceEnds[cadenceEnds.length - 1];
        for (int i = 0; i < cadenceEnds.length; i++) {
            if (inCycle < cadenceEnds[i]) {
                return i % 2 == 0;
            }
        }
        return false;
    }

    private static long samples(int millis) {
        return (long) millis * SAMPLE_RATE / 1000;
    }
}
