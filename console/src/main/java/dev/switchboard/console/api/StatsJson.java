package dev.switchboard.console.api;

import dev.switchboard.api.operator.LatencySummary;
import dev.switchboard.api.operator.OperatorStatistics;
import java.util.List;

/**
 * The console's counters: the adapter's own totals since it started ({@code SwitchboardOperator.statistics()}),
 * and rates over the last {@code windowSeconds} seconds sampled from them.
 *
 * @param calls     calls the line providers reported
 * @param handoffs  handoffs that gave the call to their target (at once or at commit)
 * @param failures  handoffs that did not: no target, the caller itself, or rolled back
 * @param rollbacks handoffs whose transaction rolled back (included in failures, R21)
 * @param liveCalls calls not yet gone
 * @param latencies the adapter's latency histograms (since it started or they were reset), in microseconds
 */
public record StatsJson(long calls, long handoffs, long failures, long rollbacks, int liveCalls, int unownedCalls,
                        long offersRefused, long transactionsCommitted, long transactionsRolledBack,
                        double callsPerSecond, double handoffsPerSecond, double failuresPerSecond,
                        int windowSeconds, List<Latency> latencies) {

    /** One latency histogram in microseconds, to 0.1 µs. */
    public record Latency(String name, long count, double p50Micros, double p90Micros, double p99Micros,
                          double maxMicros) {
        static Latency of(LatencySummary l) {
            return new Latency(l.name(), l.count(), micros(l.p50Nanos()), micros(l.p90Nanos()), micros(l.p99Nanos()),
                    micros(l.maxNanos()));
        }

        private static double micros(long nanos) {
            return Math.round(nanos / 100.0) / 10.0;
        }
    }

    /** The totals the console keeps rates of, in the order {@link #of} reads them. */
    static long[] rated(OperatorStatistics s) {
        return new long[] {s.callsOffered(), s.handoffsSucceeded(), failures(s)};
    }

    static StatsJson of(OperatorStatistics s, double[] rates, int windowSeconds) {
        double[] r = rates.length == 3 ? rates : new double[3];
        return new StatsJson(s.callsOffered(), s.handoffsSucceeded(), failures(s), s.handoffsRolledBack(),
                s.liveCalls(), s.unownedCalls(), s.offersRefused(), s.transactionsCommitted(),
                s.transactionsRolledBack(), r[0], r[1], r[2], windowSeconds,
                s.latencies().stream().map(Latency::of).toList());
    }

    private static long failures(OperatorStatistics s) {
        return s.handoffsTargetNotFound() + s.handoffsTargetSelf() + s.handoffsRolledBack();
    }
}
