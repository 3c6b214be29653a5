package dev.switchboard.sip.media;

/**
 * Levels in dBm0 for 16-bit linear G.711 samples. A 0 dBm0 sine peaks 3.14 dB below the largest
 * value the laws can code (G.711's digital milliwatt), so its amplitude is about 22 700.
 */
public final class Dbm0 {

    /** The peak amplitude of a 0 dBm0 sine. */
    public static final double PEAK_AT_0_DBM0 = 32768 / Math.pow(10, 3.14 / 20);

    private Dbm0() {
    }

    /** The peak amplitude of a sine at {@code level} dBm0. */
    public static double sineAmplitude(double level) {
        return PEAK_AT_0_DBM0 * Math.pow(10, level / 20);
    }

    /** The mean square of a sine at {@code level} dBm0: what a frame's energy per sample is compared with. */
    public static double meanSquare(double level) {
        double a = sineAmplitude(level);
        return a * a / 2;
    }

    /** The level of samples whose mean square is {@code meanSquare}; -infinity for silence. */
    public static double level(double meanSquare) {
        return 10 * Math.log10(meanSquare / meanSquare(0));
    }
}
