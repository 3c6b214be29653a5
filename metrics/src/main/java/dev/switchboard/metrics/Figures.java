package dev.switchboard.metrics;

import dev.switchboard.api.operator.OperatorStatistics;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The adapter's figures as published metrics: one name, help text and kind each, read from
 * {@link OperatorStatistics} at every scrape. Both servers' binders publish exactly this list, so a
 * dashboard works on either. Names are dotted as Micrometer and MicroProfile Metrics expect; a
 * Prometheus scrape shows them with underscores and, for counters, the suffix {@code _total}.
 */
public final class Figures {
    /**
     * The label that tells adapters apart (their {@code instanceName}). Not {@code instance}: Prometheus
     * sets that label on every scraped series to the target's host:port, and would rename ours.
     */
    public static final String LABEL = "adapter";

    /** A counter only grows while the adapter runs (and restarts from 0 with it); a gauge is a figure of now. */
    public enum Kind { COUNTER, GAUGE }

    /** One published figure. */
    public record Figure(String name, String help, Kind kind, ToLongFunction<OperatorStatistics> value) {
        /** The name a Prometheus scrape shows (the server's exporter makes the same of {@link #name}). */
        public String prometheusName() {
            return name.replace('.', '_') + (kind == Kind.COUNTER ? "_total" : "");
        }
    }

    public static final List<Figure> ALL = List.of(
            counter("switchboard.calls.offered", "Calls the line providers reported",
                    OperatorStatistics::callsOffered),
            counter("switchboard.handoffs.succeeded", "Handoffs that gave a call to their target, live or at commit",
                    OperatorStatistics::handoffsSucceeded),
            counter("switchboard.handoffs.target.not.found", "Handoffs that found no target (R9, R10)",
                    OperatorStatistics::handoffsTargetNotFound),
            counter("switchboard.handoffs.target.self", "Media-mode handoffs whose target was the caller (R10)",
                    OperatorStatistics::handoffsTargetSelf),
            counter("switchboard.handoffs.rolled.back", "Handoffs dropped because their transaction rolled back (R21)",
                    OperatorStatistics::handoffsRolledBack),
            counter("switchboard.offers.refused", "Ownership offers an application failed to take after retries (R23)",
                    OperatorStatistics::offersRefused),
            counter("switchboard.transactions.committed", "Units of work committed (R21)",
                    OperatorStatistics::transactionsCommitted),
            counter("switchboard.transactions.rolled.back", "Units of work rolled back (R21)",
                    OperatorStatistics::transactionsRolledBack),
            gauge("switchboard.lines", "Lines served", OperatorStatistics::lines),
            gauge("switchboard.applications", "Open applications", OperatorStatistics::applications),
            gauge("switchboard.calls.live", "Calls not yet gone", OperatorStatistics::liveCalls),
            gauge("switchboard.calls.unowned", "Live calls without an owner (R7): the ones to look at",
                    OperatorStatistics::unownedCalls));

    private Figures() {
    }

    private static Figure counter(String name, String help, ToLongFunction<OperatorStatistics> value) {
        return new Figure(name, help, Kind.COUNTER, value);
    }

    private static Figure gauge(String name, String help, ToLongFunction<OperatorStatistics> value) {
        return new Figure(name, help, Kind.GAUGE, value);
    }
}
