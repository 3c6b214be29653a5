package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.CallGuard.Wait;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The call's lock and a transaction's hold on it (R22): how long an operation waits. */
class CallGuardTest {
    private static final long TIMEOUT = TimeUnit.MILLISECONDS.toNanos(400);

    private final CallGuard guard = new CallGuard();
    private final Call call = new Call(1, "L1", null, "sim-1", null, null, null);

    /**
     * Another thread holds the lock for most of the timeout and keeps a transaction's hold after
     * it: waiting for the lock and then for the hold share one deadline, so the operation gives up
     * after the timeout, not after nearly twice it.
     */
    @Test
    void waitingForTheLockAndThenTheHoldIsBoundedByOneTimeout_R22() throws Exception {
        Object otherTransaction = new Object();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            guard.lock(Wait.NEVER, TIMEOUT, call);
            try {
                guard.hold(otherTransaction);
                locked.countDown();
                await(waiting);
                // Keeping the lock for 90% of the timeout is what this test is about, not a way to
                // synchronise: the waiter must spend most of its time on the lock, then meet the hold.
                long until = start.get() + TIMEOUT * 9 / 10;
                for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
            } finally {
                guard.unlock();
            }
        });
        await(locked);

        start.set(System.nanoTime());
        waiting.countDown();
        assertThatThrownBy(() -> guard.lock(Wait.unlessHeldBy(null, "voice"), TIMEOUT, call))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.error()).isEqualTo(TapiError.RESOURCEUNAVAIL))
                .hasMessageContaining("call-1").hasMessageContaining("'voice'").hasMessageContaining("400 ms");
        long elapsed = System.nanoTime() - start.get();

        holder.get(5, TimeUnit.SECONDS);
        assertThat(elapsed).as("nanoseconds waited, for a timeout of %d", TIMEOUT)
                .isGreaterThanOrEqualTo(TIMEOUT)
                .isLessThan(TIMEOUT * 3 / 2);
    }

    @Test
    void theHoldersOwnOperationsDoNotWaitForItsHold_R22() {
        Object transaction = new Object();
        guard.lock(Wait.NEVER, TIMEOUT, call);
        guard.hold(transaction);
        guard.unlock();

        guard.lock(Wait.unlessHeldBy(transaction, "voice"), TIMEOUT, call);
        guard.unlock();
        assertThat(guard.isHeldBy(transaction)).isTrue();
    }

    /**
     * The guard is its own lock (not a ReentrantLock): the thread that holds it may take it again,
     * another thread gets it only once every hold is released, and only the holder may unlock.
     */
    @Test
    void theCallLockIsReentrantAndTakenByOneThreadAtATime() throws Exception {
        long shortWait = TimeUnit.MILLISECONDS.toNanos(20);
        guard.lock(Wait.NEVER, TIMEOUT, call);
        guard.lock(Wait.unlessHeldBy(null, "voice"), TIMEOUT, call); // reentered, no wait

        assertThatThrownBy(() -> CompletableFuture.runAsync(
                () -> guard.lock(Wait.unlessHeldBy(null, "fax"), shortWait, call)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SwitchboardException.class).hasMessageContaining("'fax'");
        assertThatThrownBy(() -> CompletableFuture.runAsync(guard::unlock).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalMonitorStateException.class);

        guard.unlock();
        assertThatThrownBy(() -> CompletableFuture.runAsync(
                () -> guard.lock(Wait.unlessHeldBy(null, "fax"), shortWait, call)).get(5, TimeUnit.SECONDS))
                .as("still held once").hasCauseInstanceOf(SwitchboardException.class);

        guard.unlock();
        CompletableFuture.runAsync(() -> {
            guard.lock(Wait.unlessHeldBy(null, "fax"), TIMEOUT, call);
            guard.unlock();
        }).get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).as("the other thread got there").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
