package dev.switchboard.api.operator;

import java.io.Serializable;

/**
 * One of the adapter's latency histograms, since the adapter started or its histograms were last
 * reset: how many were measured and their percentiles, in nanoseconds (within 1 %), all 0 while
 * nothing was measured. The histograms and what each measures are listed in the administrator's
 * guide and docs/performance.md.
 *
 * @param name  {@code eventToHandler}, {@code readyToHandler}, {@code handoffNonXa}, {@code handoffXa} or
 *              {@code answerTo200}
 */
public record LatencySummary(String name, long count, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos)
        implements Serializable {
}
