package dev.switchboard.api.operator;

import java.io.Serializable;
import java.util.List;

/**
 * The adapter's own figures: gauges of now and counts since the adapter started. Counted once, in
 * the adapter, for every application, whoever looks.
 *
 * @param lines                  lines served
 * @param applications           open applications
 * @param liveCalls              calls not yet gone
 * @param unownedCalls           live calls without an owner (R7)
 * @param callsOffered           calls the line providers reported
 * @param handoffsSucceeded      handoffs that gave the call to their target, live or at commit
 * @param handoffsTargetNotFound handoffs that found no target (R9, R10)
 * @param handoffsTargetSelf     media-mode handoffs whose target was the caller (R10)
 * @param handoffsRolledBack     handoffs dropped because their transaction rolled back (R21)
 * @param offersRefused          ownership offers an application failed to take (R23)
 * @param transactionsCommitted  units of work committed (R21)
 * @param transactionsRolledBack units of work rolled back (R21)
 * @param latencies              the latency histograms of a call's path, one summary each
 */
public record OperatorStatistics(int lines, int applications, int liveCalls, int unownedCalls, long callsOffered,
                                 long handoffsSucceeded, long handoffsTargetNotFound, long handoffsTargetSelf,
                                 long handoffsRolledBack, long offersRefused, long transactionsCommitted,
                                 long transactionsRolledBack, List<LatencySummary> latencies)
        implements Serializable {

    public OperatorStatistics {
        latencies = List.copyOf(latencies);
    }

    /** The figures without latency histograms (an adapter that records none). */
    public OperatorStatistics(int lines, int applications, int liveCalls, int unownedCalls, long callsOffered,
                              long handoffsSucceeded, long handoffsTargetNotFound, long handoffsTargetSelf,
                              long handoffsRolledBack, long offersRefused, long transactionsCommitted,
                              long transactionsRolledBack) {
        this(lines, applications, liveCalls, unownedCalls, callsOffered, handoffsSucceeded, handoffsTargetNotFound,
                handoffsTargetSelf, handoffsRolledBack, offersRefused, transactionsCommitted, transactionsRolledBack,
                List.of());
    }
}
