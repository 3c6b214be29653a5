package dev.switchboard.core;

import dev.switchboard.api.HandoffResult;
import java.util.concurrent.atomic.LongAdder;

/**
 * The switchboard's running counts. LongAdders, because they are bumped on the hot paths of
 * many calls at once and read only now and then.
 */
final class Counters {
    final LongAdder callsOffered = new LongAdder();
    final LongAdder handoffsSucceeded = new LongAdder();
    final LongAdder handoffsTargetNotFound = new LongAdder();
    final LongAdder handoffsTargetSelf = new LongAdder();
    /** Staged handoffs dropped because their unit of work rolled back (R21). */
    final LongAdder handoffsRolledBack = new LongAdder();
    final LongAdder offersRefused = new LongAdder();
    final LongAdder transactionsCommitted = new LongAdder();
    final LongAdder transactionsRolledBack = new LongAdder();

    /** Counts a handoff that took effect (live, or applied at commit). */
    void handoff(HandoffResult result) {
        switch (result) {
            case SUCCESS -> handoffsSucceeded.increment();
            case TARGETNOTFOUND -> handoffsTargetNotFound.increment();
            case TARGETSELF -> handoffsTargetSelf.increment();
        }
    }
}
