package dev.switchboard.core;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;

/**
 * A call's lock, plus a hold that a transaction keeps from its first change on the call until
 * it ends (R22). The hold is not tied to a thread, because an XA commit may come on another
 * thread than the one that made the change. Applications' operations wait for a hold held by
 * someone else; the line provider's reports never wait, since the caller hanging up must not
 * depend on an application's transaction (R24).
 *
 * <p>Only {@link Engine#lockStep} and {@link Engine#locked} lock a call, so that every step on a
 * call unlocks in the same way and delivers its effects after unlocking.
 *
 * <p>The lock is a reentrant, non-fair exclusive lock, as {@code ReentrantLock} is, built on the
 * synchronizer directly: every step on every call takes it, and with 10,000 live calls a
 * {@code ReentrantLock} meant two more objects per call to fetch from memory (the lock and its
 * synchronizer) before the call's state, and 56 more bytes per call.
 */
final class CallGuard extends AbstractQueuedSynchronizer {
    /** Made when someone first waits for a hold; most calls are never held by a transaction. Guarded by the lock. */
    private Condition released;
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
            acquire(1);
        }
    }

    /**
     * Locks the call for {@code owner}, waiting while another unit of work holds it. Waiting for
     * the lock and then for the hold share one deadline: the whole wait never exceeds the timeout.
     */
    private void lockFor(Object owner, long timeoutNanos, Call call, String app) {
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            if (!tryAcquireNanos(1, timeoutNanos)) {
                throw busy(call, app, timeoutNanos);
            }
            while (holder != null && holder != owner) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    release(1);
                    throw busy(call, app, timeoutNanos);
                }
                if (released == null) {
                    released = new ConditionObject();
                }
                released.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            if (isHeldExclusively()) {
                release(1);
            }
            Thread.currentThread().interrupt();
            throw new SwitchboardException(TapiError.OPERATIONFAILED,
                    "interrupted while waiting for call " + call + " for application '" + app + "'", e);
        }
    }

    void unlock() {
        release(1);
    }

    /** Keeps the call for {@code owner} after unlocking. Call while locked. */
    void hold(Object owner) {
        holder = owner;
    }

    /** Ends {@code owner}'s hold, waking anyone waiting. Call while locked. */
    void releaseHold(Object owner) {
        if (holder == owner) {
            holder = null;
            if (released != null) {
                released.signalAll();
            }
        }
    }

    boolean isHeldBy(Object owner) {
        return holder == owner;
    }

    // ---- the lock: state is the hold count of the owning thread, 0 when free

    @Override
    protected boolean tryAcquire(int acquires) {
        Thread current = Thread.currentThread();
        int c = getState();
        if (c == 0) {
            if (compareAndSetState(0, acquires)) {
                setExclusiveOwnerThread(current);
                return true;
            }
        } else if (getExclusiveOwnerThread() == current) {
            setState(c + acquires); // reentered by the thread that holds it
            return true;
        }
        return false;
    }

    @Override
    protected boolean tryRelease(int releases) {
        if (getExclusiveOwnerThread() != Thread.currentThread()) {
            throw new IllegalMonitorStateException("call lock released by a thread that does not hold it");
        }
        int c = getState() - releases;
        if (c == 0) {
            setExclusiveOwnerThread(null);
        }
        setState(c);
        return c == 0;
    }

    @Override
    protected boolean isHeldExclusively() {
        return getExclusiveOwnerThread() == Thread.currentThread();
    }

    private static SwitchboardException busy(Call call, String app, long timeoutNanos) {
        return new SwitchboardException(TapiError.RESOURCEUNAVAIL, "call " + call
                + " is held by another transaction; application '" + app + "' waited "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms (the lock timeout) and gave up");
    }
}
