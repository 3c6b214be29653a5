package dev.switchboard.core;

import dev.switchboard.api.event.CallEvent;

/**
 * Where the core delivers one application's events. Events of one call arrive one at a time and
 * in order; events of different calls may arrive on different threads at once.
 *
 * <p>Throwing from an OFFERING event that makes the application an owner means the application
 * did not take the call: the core then offers it to the next application by priority (R23). An
 * exception from any other event is logged with the call and application and otherwise ignored.
 */
@FunctionalInterface
public interface EventSink {
    void deliver(CallEvent event) throws Exception;

    /**
     * The same, for a sink that measures how long events wait: told when the core made the event
     * ({@link System#nanoTime()}; {@link dev.switchboard.core.latency.LatencyRecorders#eventToHandler()})
     * and when it could go ({@code readyAtNanos}, no earlier than {@code madeAtNanos}): when the same
     * application's previous event of this call had been handled to the end, or when it was made if
     * that was later. What comes between is the application's own time on that earlier event, which
     * the order of R18 makes this one wait for
     * ({@link dev.switchboard.core.latency.LatencyRecorders#readyToHandler()}).
     */
    default void deliver(CallEvent event, long madeAtNanos, long readyAtNanos) throws Exception {
        deliver(event);
    }

    /**
     * Whether this sink uses {@code madeAtNanos}; only then does the core read the clock for each
     * event (the core's own benchmarks run without it).
     */
    default boolean timesEvents() {
        return false;
    }
}
