package dev.switchboard.core;

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

    private record Queue(App app, SerialExecutor executor) {
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

    /** Queues {@code delivery} for {@code app}; it goes out with the next {@link #flush}. Under the call's lock. */
    void enqueue(App app, Runnable delivery) {
        queueOf(app).enqueue(delivery);
    }

    /** Starts the deliveries queued so far, each application's in order. After the call's lock is released. */
    void flush() {
        for (Queue q : queues) {
            q.executor.flush();
        }
    }

    private SerialExecutor queueOf(App app) {
        for (Queue q : queues) {
            if (q.app == app) {
                return q.executor;
            }
        }
        synchronized (this) {
            Queue[] current = queues;
            for (Queue q : current) {
                if (q.app == app) {
                    return q.executor;
                }
            }
            SerialExecutor executor = newQueue.apply(callDescription + " to application '" + app.name + "'");
            Queue[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = new Queue(app, executor);
            queues = grown;
            return executor;
        }
    }
}
