package dev.switchboard.core.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency histogram, in nanoseconds. Recording is wait-free (HdrHistogram's {@link Recorder}),
 * so the threads that carry calls never wait on a reader; a reader folds what was recorded since
 * the last read into the running total. Values beyond a minute are counted as a minute, because a
 * latency that long says everything already and must not make a recording thread throw.
 */
public final class LatencyRecorder {
    /** The longest latency told apart from longer ones. */
    static final long HIGHEST_NANOS = 60_000_000_000L;
    /** Two significant digits: percentiles within 1 %, a few kilobytes per histogram. */
    private static final int SIGNIFICANT_DIGITS = 2;

    private final String name;
    private final Recorder recorder = new Recorder(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private Histogram interval;

    LatencyRecorder(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Records the time from {@code startNanos} (a {@link System#nanoTime()}) until now. */
    public void recordSince(long startNanos) {
        record(System.nanoTime() - startNanos);
    }

    public void record(long nanos) {
        recorder.recordValue(Math.max(0, Math.min(nanos, HIGHEST_NANOS)));
    }

    /** Count and percentiles of everything recorded since start or the last {@link #reset}. */
    public synchronized LatencySnapshot snapshot() {
        fold();
        if (total.getTotalCount() == 0) {
            return new LatencySnapshot(name, 0, 0, 0, 0, 0);
        }
        return new LatencySnapshot(name, total.getTotalCount(), total.getValueAtPercentile(50),
                total.getValueAtPercentile(90), total.getValueAtPercentile(99), total.getMaxValue());
    }

    /** Forgets what was recorded, so that a load test can measure one rate at a time. */
    public synchronized void reset() {
        fold();
        total.reset();
    }

    private void fold() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
    }
}
