package dev.switchboard.testkit;

import dev.switchboard.api.event.CallEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** Events in the order they were added, and a wait for one of them that wakes when it is added (no polling). */
final class DeliveryLog {
    private final String application;
    private final String kind;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final List<CallEvent> events = new ArrayList<>();

    DeliveryLog(String application, String kind, Duration timeout) {
        this.application = application;
        this.kind = kind;
        this.timeout = timeout;
    }

    String application() {
        return application;
    }

    void add(CallEvent event) {
        lock.lock();
        try {
            events.add(event);
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<CallEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** The first event, already added or added within the timeout, of {@code type} that {@code matching} accepts. */
    <T extends CallEvent> T await(Class<T> type, Predicate<? super T> matching, String what) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            int seen = 0;
            while (true) {
                for (; seen < events.size(); seen++) {
                    CallEvent e = events.get(seen);
                    if (type.isInstance(e) && matching.test(type.cast(e))) {
                        return type.cast(e);
                    }
                }
                if (left <= 0) {
                    throw new AssertionError("application '" + application + "': no " + what + " " + kind
                            + " within " + timeout.toMillis() + " ms; " + kind + ": " + events);
                }
                left = added.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while application '" + application + "' waited for " + what, e);
        } finally {
            lock.unlock();
        }
    }
}
