package dev.switchboard.core;

import dev.switchboard.api.operator.OperatorEvent;
import dev.switchboard.api.operator.OperatorListener;
import dev.switchboard.api.operator.OperatorSubscription;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One operator listener's queue. Events are offered under a call's lock, so offering only adds to
 * a bounded queue; they are delivered by a drain on the operator executor, one at a time and in the
 * order offered, outside every lock. A full queue drops the newest events (logged when it starts and
 * when the listener has caught up), so that a stuck listener costs memory up to its bound and
 * nothing else.
 */
final class Subscriber implements OperatorSubscription, Runnable {
    private final OperatorFeed feed;
    private final OperatorListener listener;
    private final int capacity;
    private final ArrayDeque<OperatorEvent> queue = new ArrayDeque<>();
    private boolean scheduled;
    private long dropped;
    private volatile boolean open = true;

    Subscriber(OperatorFeed feed, OperatorListener listener, int capacity) {
        this.feed = feed;
        this.listener = listener;
        this.capacity = capacity;
    }

    synchronized void offer(OperatorEvent event) {
        if (!open) {
            return;
        }
        if (queue.size() >= capacity) {
            if (dropped++ == 0) {
                Log.operatorListenerBehind(listener, capacity);
            }
            return;
        }
        queue.add(event);
    }

    /** Starts a drain unless one runs or nothing waits. */
    void flush(Executor executor) {
        synchronized (this) {
            if (scheduled || queue.isEmpty() || !open) {
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
            // the events stay queued; the next change of any call tries again
            Log.operatorDrainRefused(listener, e);
        }
    }

    @Override
    public void run() {
        while (true) {
            OperatorEvent next;
            long missed = 0;
            synchronized (this) {
                next = open ? queue.poll() : null;
                if (next == null) {
                    scheduled = false;
                    missed = dropped;
                    dropped = 0;
                }
            }
            if (next == null) {
                if (missed > 0) {
                    Log.operatorListenerCaughtUp(listener, missed);
                }
                return;
            }
            try {
                listener.onOperatorEvent(next);
            } catch (RuntimeException | Error e) {
                Log.operatorListenerFailed(listener, next, e);
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        synchronized (this) {
            queue.clear();
        }
        feed.remove(this);
    }

    @Override
    public String toString() {
        return "operator subscription of " + listener;
    }
}
