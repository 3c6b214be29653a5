package dev.switchboard.core;

import dev.switchboard.api.event.CallEvent;
import dev.switchboard.core.concurrent.SerialExecutor;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A call's events on their way to the applications: one queue per application. Each application
 * hears the call's events one at a time, in the order the rules made them, as one TAPI application
 * reads its messages in order; but a slow handler (an XA handoff with a database write, say) holds
 * up only its own application's events, not the monitors' or the next owner's.
 */
final class CallDeliveries {
    private static final Queue[] NONE = {};

    /** One application's queue for the call. */
    static final class Queue {
        final App app;
        final SerialExecutor executor;
        /**
         * When this queue's last delivery ended (its handler returned, its transaction ended), for
         * an application that times events: a delivery made before then waited for it (R18).
         * Written and read by the queue's deliveries, which run one at a time; it starts at the
         * queue's making, before any of its events was made.
         */
        volatile long lastEndedNanos;

        Queue(App app, SerialExecutor executor) {
            this.app = app;
            this.executor = executor;
            this.lastEndedNanos = app.timesEvents ? System.nanoTime() : 0;
        }
    }

    private final Function<String, SerialExecutor> newQueue;
    private final String callDescription;
    /**
     * The queues in the order first used. Replaced whole when one is added (under the call's lock,
     * where events are queued), so that {@link #flush}, which runs after the lock is released, reads
     * it without one.
     */
    private volatile Queue[] queues = NONE;

    /**
     * @param newQueue        makes an application's queue, given what its log lines call it
     * @param callDescription the call, for those log lines
     */
    CallDeliveries(Function<String, SerialExecutor> newQueue, String callDescription) {
        this.newQueue = newQueue;
        this.callDescription = callDescription;
    }

    /** Queues {@code event} for {@code app}; it goes out with the next {@link #flush}. Under the call's lock. */
    void enqueue(Engine engine, App app, Call call, CallEvent event) {
        Queue q = queueOf(app);
        q.executor.enqueue(new Delivery(engine, q, call, event));
    }

    /** Starts the deliveries queued so far, each application's in order. After the call's lock is released. */
    void flush() {
        for (Queue q : queues) {
            q.executor.flush();
        }
    }

    private Queue queueOf(App app) {
        for (Queue q : queues) {
            if (q.app == app) {
                return q;
            }
        }
        synchronized (this) {
            Queue[] current = queues;
            for (Queue q : current) {
                if (q.app == app) {
                    return q;
                }
            }
            SerialExecutor executor = newQueue.apply(callDescription + " to application '" + app.name + "'");
            Queue[] grown = Arrays.copyOf(current, current.length + 1);
            Queue q = new Queue(app, executor);
            grown[current.length] = q;
            queues = grown;
            return q;
        }
    }
}
