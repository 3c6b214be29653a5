package dev.switchboard.sip.media;

/** Goertzel measurements on 8 kHz linear samples, for tests that check which tone was sent. */
public final class Goertzel {

    private Goertzel() {
    }

    /**
     * The share (0 to 1) of the samples' energy at {@code hz}: 1 for a pure sine at that
     * frequency, about half for each component of a two-tone signal, near 0 when it is absent.
     */
    public static double share(short[] s, int off, int len, double hz) {
        double c = 2 * Math.cos(2 * Math.PI * hz / AudioSource.SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = off; i < off + len; i++) {
            double v = s[i] + c * s1 - s2;
            s2 = s1;
            s1 = v;
            energy += (double) s[i] * s[i];
        }
        double power = s1 * s1 + s2 * s2 - c * s1 * s2;
        return energy == 0 ? 0 : 2 * power / (len * energy);
    }

    public static double share(short[] s, double hz) {
        return share(s, 0, s.length, hz);
    }

    /** The level in dBm0 of the samples. */
    public static double levelDbm0(short[] s, int off, int len) {
        double energy = 0;
        for (int i = off; i < off + len; i++) {
            energy += (double) s[i] * s[i];
        }
        return Dbm0.level(energy / len);
    }

    /** Whether every sample of the range is 0. */
    public static boolean silent(short[] s, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (s[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
