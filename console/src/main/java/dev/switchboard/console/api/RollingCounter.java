package dev.switchboard.console.api;

/**
 * A count since start plus per-second buckets of the last {@value #SECONDS} seconds, for rates.
 * Thread-safe; the clock is passed in so that tests need no waiting.
 */
final class RollingCounter {

    static final int SECONDS = 60;

    private final long[] counts = new long[SECONDS];
    private final long[] seconds = new long[SECONDS];
    private long total;

    synchronized void increment(long nowSecond) {
        int i = (int) Math.floorMod(nowSecond, (long) SECONDS);
        if (seconds[i] != nowSecond) {
            seconds[i] = nowSecond;
            counts[i] = 0;
        }
        counts[i]++;
        total++;
    }

    synchronized long total() {
        return total;
    }

    /** Events per second over the {@code window} seconds up to and including {@code nowSecond}. */
    synchronized double rate(long nowSecond, int window) {
        if (window < 1 || window > SECONDS) {
            throw new IllegalArgumentException("window must be 1.." + SECONDS + " seconds: " + window);
        }
        long sum = 0;
        for (int k = 0; k < window; k++) {
            long s = nowSecond - k;
            int i = (int) Math.floorMod(s, (long) SECONDS);
            if (seconds[i] == s) {
                sum += counts[i];
            }
        }
        return (double) sum / window;
    }
}
