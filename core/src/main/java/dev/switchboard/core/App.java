package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.HandoffResult;
import java.util.concurrent.ConcurrentHashMap;

/** One open application: its spec, where its events go, and the handles it holds. */
final class App {
    final ApplicationSpec spec;
    final String name;
    /** Activation order, for R1's ties: first opened, first served. */
    final long seq;
    final EventSink sink;
    /** Whether the sink wants to know when each event was made; read once, as it is asked on every event. */
    final boolean timesEvents;
    /** The only place a handle is looked up, so another application's handle is never found. */
    final ConcurrentHashMap<CallHandle, Handle> handles = new ConcurrentHashMap<>();
    volatile boolean open = true;
    /** How its operations outside a transaction wait for a call (made once: every live operation asks). */
    final CallGuard.Wait outsideTransaction;
    /** The decision of a handoff that reached this application: always the same, so made once. */
    final Rules.HandoffDecision reached;

    App(ApplicationSpec spec, long seq, EventSink sink) {
        this.spec = spec;
        this.name = spec.name();
        this.seq = seq;
        this.sink = sink;
        this.timesEvents = sink.timesEvents();
        this.outsideTransaction = CallGuard.Wait.unlessHeldBy(null, name);
        this.reached = new Rules.HandoffDecision(HandoffResult.SUCCESS, name);
    }

    @Override
    public String toString() {
        return name;
    }
}
