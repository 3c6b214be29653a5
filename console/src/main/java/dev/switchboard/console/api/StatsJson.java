package dev.switchboard.console.api;

/**
 * The console's counters, from the audit topic since the console started, and rates over the last
 * {@code windowSeconds} seconds.
 *
 * @param calls     new calls seen
 * @param handoffs  handoffs that committed with SUCCESS
 * @param failures  handoffs that did not move the call: any other result, or rolled back
 * @param rollbacks handoffs whose transaction rolled back (included in failures)
 * @param liveCalls calls seen and not yet IDLE
 */
public record StatsJson(long calls, long handoffs, long failures, long rollbacks, int liveCalls,
                        double callsPerSecond, double handoffsPerSecond, double failuresPerSecond,
                        int windowSeconds) {
}
