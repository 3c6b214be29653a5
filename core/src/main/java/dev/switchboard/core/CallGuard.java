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
 *
 * <p>Only {@link Engine#lockStep} and {@link Engine#locked} lock a call, so that every step on a
 * call unlocks in the same way and delivers its effects after unlocking.
 */
final class CallGuard {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private Object holder;

    /**
     * Whose hold a step on the call waits for. An application's operation waits (up to the lock
     * timeout) while a unit of work other than {@code owner} holds the call; {@code owner} is its
     * own unit of work, or null outside a transaction, and {@code actor} names it in the message
     * when it gives up. {@link #NEVER} takes the lock whoever holds the call: the line provider's
     * reports (R24), a unit of work's own commit and rollback, and reads of the committed state.
     */
    record Wait(boolean forHolds, Object owner, String actor) {
        static final Wait NEVER = new Wait(false, null, null);

        static Wait unlessHeldBy(Object owner, String actor) {
            return new Wait(true, owner, actor);
        }
    }

    /** Locks the call as {@code wait} says; {@code call} names it in messages. */
    void lock(Wait wait, long timeoutNanos, Call call) {
        if (wait.forHolds()) {
            lockFor(wait.owner(), timeoutNanos, call, wait.actor());
        } else {
            lock.lock();
        }
    }

    /**
     * Locks the call for {@code owner}, waiting while another unit of work holds it. Waiting for
     * the lock and then for the hold share one deadline: the whole wait never exceeds the timeout.
     */
    private void lockFor(Object owner, long timeoutNanos, Call call, String app) {
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            if (!lock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw busy(call, app, timeoutNanos);
            }
            while (holder != null && holder != owner) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    lock.unlock();
                    throw busy(call, app, timeoutNanos);
                }
                released.awaitNanos(left);
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
