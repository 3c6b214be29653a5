package dev.switchboard.core;

import dev.switchboard.api.event.CallEvent;

/** One event on its way to one application, queued on that application's queue for the call ({@link Call#delivery}). */
final class Delivery implements Runnable {
    private final Engine engine;
    private final CallDeliveries.Queue queue;
    private final Call call;
    private final CallEvent event;
    /** When the event was made, if its application times events: where the wait is measured from. */
    private final long madeAtNanos;

    Delivery(Engine engine, CallDeliveries.Queue queue, Call call, CallEvent event) {
        this.engine = engine;
        this.queue = queue;
        this.call = call;
        this.event = event;
        this.madeAtNanos = queue.app.timesEvents ? System.nanoTime() : 0;
    }

    @Override
    public void run() {
        if (!queue.app.timesEvents) {
            engine.deliver(queue.app, call, event, 0, 0);
            return;
        }
        // the queue's deliveries run one at a time: the one before this ended either before this
        // event was made, or while it waited, and then this one could go only from that moment
        long lastEnded = queue.lastEndedNanos;
        long readyAtNanos = lastEnded - madeAtNanos > 0 ? lastEnded : madeAtNanos;
        try {
            engine.deliver(queue.app, call, event, madeAtNanos, readyAtNanos);
        } finally {
            queue.lastEndedNanos = System.nanoTime();
        }
    }
}
