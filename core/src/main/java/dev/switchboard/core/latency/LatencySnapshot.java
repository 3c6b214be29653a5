package dev.switchboard.core.latency;

/**
 * One histogram's figures at a moment, in nanoseconds; all 0 while nothing was recorded.
 * Percentiles are HdrHistogram's (within 1 %); {@code max} is exact to that precision too.
 */
public record LatencySnapshot(String name, long count, long p50Nanos, long p90Nanos, long p99Nanos,
                              long maxNanos) {
}
