package dev.switchboard.core;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Delivers one call's events one at a time, in the order they were queued, on the given
 * executor. Events are queued under the call's lock (so the queue order is the order the
 * rules made them) and delivered outside it (so a handler may act on the call again).
 * A handler that acts on the same call from within delivery only queues more events; the
 * running drain delivers them after the current one, never recursively.
 */
final class SerialDelivery implements Runnable {
    private final Executor executor;
    private ArrayDeque<Runnable> queue;
    private boolean scheduled;

    SerialDelivery(Executor executor) {
        this.executor = executor;
    }

    synchronized void enqueue(Runnable delivery) {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        queue.add(delivery);
    }

    /** Starts a drain unless one is running or nothing is queued. */
    void flush() {
        synchronized (this) {
            if (scheduled || queue == null || queue.isEmpty()) {
                return;
            }
            scheduled = true;
        }
        try {
            executor.execute(this);
        } catch (RuntimeException e) {
            synchronized (this) {
                scheduled = false;
            }
            throw e;
        }
    }

    @Override
    public void run() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    scheduled = false;
                    queue = null; // an idle call keeps no queue
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                // A delivery reports its own failures; this only keeps the queue alive if one slips out.
                Log.deliveryLoopFailure(e);
            }
        }
    }
}
