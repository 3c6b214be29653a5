package dev.switchboard.core;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A call's lock, plus a hold that a transaction keeps from its first change on the call until
 * it ends (R22). The hold is not tied to a thread, because an XA commit may come on another
 * thread than the one that made the change. Applications' operations wait for a hold held by
 * someone else; the line provider's reports never wait, since the caller hanging up must not
 * depend on an application's transaction (R24).
 */
final class CallGuard {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private Object holder;

    /**
     * Locks the call for {@code owner} (a unit of work, or null outside a transaction), waiting
     * while another unit of work holds it.
     */
    void lockFor(Object owner, long timeoutNanos, Call call, String app) {
        long nanos = timeoutNanos;
        try {
            if (!lock.tryLock(nanos, TimeUnit.NANOSECONDS)) {
                throw busy(call, app, timeoutNanos);
            }
            while (holder != null && holder != owner) {
                if (nanos <= 0L) {
                    lock.unlock();
                    throw busy(call, app, timeoutNanos);
                }
                nanos = released.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
            Thread.currentThread().interrupt();
            throw new SwitchboardException(TapiError.OPERATIONFAILED,
                    "interrupted while waiting for call " + call + " for application '" + app + "'", e);
        }
    }

    /** Locks the call whatever transaction holds it: for the line provider's reports. */
    void lockAlways() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Keeps the call for {@code owner} after unlocking. Call while locked. */
    void hold(Object owner) {
        holder = owner;
    }

    /** Ends {@code owner}'s hold, waking anyone waiting. Call while locked. */
    void release(Object owner) {
        if (holder == owner) {
            holder = null;
            released.signalAll();
        }
    }

    boolean isHeldBy(Object owner) {
        return holder == owner;
    }

    private static SwitchboardException busy(Call call, String app, long timeoutNanos) {
        return new SwitchboardException(TapiError.RESOURCEUNAVAIL, "call " + call
                + " is held by another transaction; application '" + app + "' waited "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (the lock timeout) and gave up");
    }
}
