package dev.switchboard.rar.jmx;

import javax.management.ConstructorParameters;

/**
 * One latency histogram as JMX shows it (an open-type composite): how many were measured and the
 * percentiles in microseconds (within 1 %), since the adapter started or the histograms were reset.
 */
public final class LatencyFigures {
    private final String name;
    private final long count;
    private final double p50Micros;
    private final double p90Micros;
    private final double p99Micros;
    private final double maxMicros;

    @ConstructorParameters({"name", "count", "p50Micros", "p90Micros", "p99Micros", "maxMicros"})
    public LatencyFigures(String name, long count, double p50Micros, double p90Micros, double p99Micros,
                          double maxMicros) {
        this.name = name;
        this.count = count;
        this.p50Micros = p50Micros;
        this.p90Micros = p90Micros;
        this.p99Micros = p99Micros;
        this.maxMicros = maxMicros;
    }

    public String getName() {
        return name;
    }

    public long getCount() {
        return count;
    }

    public double getP50Micros() {
        return p50Micros;
    }

    public double getP90Micros() {
        return p90Micros;
    }

    public double getP99Micros() {
        return p99Micros;
    }

    public double getMaxMicros() {
        return maxMicros;
    }
}
