package dev.switchboard.console.api;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Rates from the adapter's running totals: samples of the totals, at most one per second, kept
 * for {@value #KEPT_SECONDS} seconds; a rate is the growth of a total over a window divided by the
 * seconds it spans. The console counts nothing itself: the totals are the adapter's. Thread-safe;
 * the clock is passed in so that tests need no waiting.
 */
final class RateWindow {

    static final int KEPT_SECONDS = 60;

    private record Sample(long second, long[] totals) {
    }

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    /** Records the totals at {@code second} (a later sample of the same second replaces the earlier one). */
    synchronized void record(long second, long... totals) {
        Sample last = samples.peekLast();
        if (last != null && last.second() >= second) {
            samples.pollLast();
        }
        samples.addLast(new Sample(second, totals.clone()));
        while (samples.peekFirst().second() < second - KEPT_SECONDS) {
            samples.pollFirst();
        }
    }

    /**
     * Per second, for each total: its growth from the newest sample at least {@code window} seconds old
     * (or the oldest there is) to the latest sample. Empty before the first sample, zeros before a second.
     */
    synchronized double[] rates(int window) {
        if (window < 1 || window > KEPT_SECONDS) {
            throw new IllegalArgumentException("window must be 1.." + KEPT_SECONDS + " seconds: " + window);
        }
        Sample latest = samples.peekLast();
        if (latest == null) {
            return new double[0];
        }
        Sample base = samples.peekFirst();
        for (Iterator<Sample> it = samples.descendingIterator(); it.hasNext(); ) {
            Sample s = it.next();
            if (s.second() <= latest.second() - window) {
                base = s;
                break;
            }
        }
        double[] rates = new double[latest.totals().length];
        long seconds = latest.second() - base.second();
        for (int i = 0; i < rates.length && seconds > 0; i++) {
            rates[i] = (double) (latest.totals()[i] - base.totals()[i]) / seconds;
        }
        return rates;
    }
}
