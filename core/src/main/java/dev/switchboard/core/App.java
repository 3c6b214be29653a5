package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
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

    App(ApplicationSpec spec, long seq, EventSink sink) {
        this.spec = spec;
        this.name = spec.name();
        this.seq = seq;
        this.sink = sink;
        this.timesEvents = sink.timesEvents();
    }

    @Override
    public String toString() {
        return name;
    }
}
