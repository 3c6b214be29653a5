package dev.switchboard.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.concurrent.SerialExecutor;
import dev.switchboard.core.spi.ProviderTimer;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's queue in front of the WorkManager: whoever hands it work, a WorkManager thread
 * included, never waits for the WorkManager and is never refused, and every task still runs, each
 * call's in order.
 */
class QueuedWorkExecutorTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /**
     * Like WildFly's default WorkManager: {@code threads} threads and room for {@code queue} more
     * Works; a caller beyond that waits (WildFly: for good, if every thread waits for it). Here it
     * counts such a wait instead of making it.
     */
    private final class BlockingWhenFullWorkManager implements WorkManager {
        final Semaphore room;
        final AtomicInteger wouldHaveWaited = new AtomicInteger();
        final AtomicInteger handedOver = new AtomicInteger();

        BlockingWhenFullWorkManager(int threadCount, int queue) {
            this.room = new Semaphore(threadCount + queue);
        }

        private void take(Work work) {
            if (!room.tryAcquire()) {
                wouldHaveWaited.incrementAndGet();
                room.acquireUninterruptibly();
            }
            handedOver.incrementAndGet();
            threads.execute(() -> {
                try {
                    work.run();
                } finally {
                    room.release();
                }
            });
        }

        @Override public void doWork(Work work) { work.run(); }
        @Override public void doWork(Work w, long t, ExecutionContext c, WorkListener l) { w.run(); }
        @Override public long startWork(Work work) { take(work); return 0; }
        @Override public long startWork(Work w, long t, ExecutionContext c, WorkListener l) { take(w); return 0; }
        @Override public void scheduleWork(Work work) { take(work); }
        @Override public void scheduleWork(Work w, long t, ExecutionContext c, WorkListener l) { take(w); }
    }

    /** Keeps the Works it is given, refusing them while {@code refuse}; the test runs them. */
    private static final class HeldWorkManager implements WorkManager {
        final List<Work> held = new CopyOnWriteArrayList<>();
        volatile boolean refuse;

        private void take(Work work) throws WorkRejectedException {
            if (refuse) {
                throw new WorkRejectedException("queue full");
            }
            held.add(work);
        }

        void runHeld() {
            while (!held.isEmpty()) {
                held.remove(0).run();
            }
        }

        @Override public void doWork(Work work) throws WorkRejectedException { take(work); }
        @Override public void doWork(Work w, long t, ExecutionContext c, WorkListener l) throws WorkRejectedException { take(w); }
        @Override public long startWork(Work work) throws WorkRejectedException { take(work); return 0; }
        @Override public long startWork(Work w, long t, ExecutionContext c, WorkListener l) throws WorkRejectedException { take(w); return 0; }
        @Override public void scheduleWork(Work work) throws WorkRejectedException { take(work); }
        @Override public void scheduleWork(Work w, long t, ExecutionContext c, WorkListener l) throws WorkRejectedException { take(w); }
    }

    /** A timer the test fires by hand. */
    private static final class HandTimer implements ProviderTimer {
        final List<Runnable> due = new CopyOnWriteArrayList<>();

        @Override
        public Scheduled schedule(Duration delay, Runnable task) {
            due.add(task);
            return () -> due.remove(task);
        }

        void fireAll() {
            List<Runnable> now = new ArrayList<>(due);
            due.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void workManagerThreadsHandingOverMoreWorkThanItHoldsNeverWaitAndEveryCallsTasksRunInOrder() throws Exception {
        // 4 threads, room for 2 more Works: the shape of the stall at 50 calls/s, scaled down
        BlockingWhenFullWorkManager wm = new BlockingWhenFullWorkManager(4, 2);
        QueuedWorkExecutor executor = new QueuedWorkExecutor(wm, "event deliveries", 4);
        int calls = 50;
        int tasksPerCall = 40;
        List<List<Integer>> seen = new ArrayList<>();
        List<SerialExecutor> serials = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            seen.add(new CopyOnWriteArrayList<>());
            serials.add(new SerialExecutor(executor, e -> { }));
        }
        CountDownLatch all = new CountDownLatch(calls * tasksPerCall);
        // every task is handed over from a WorkManager thread, as an MDB hands off a call or a SIP
        // handler reports one: task i of a call queues task i + 1 of the same call and of the next call
        AtomicInteger started = new AtomicInteger();
        for (int c = 0; c < calls; c++) {
            int call = c;
            executor.execute(() -> chain(serials, seen, call, 0, tasksPerCall, all, started));
        }
        assertThat(all.await(30, TimeUnit.SECONDS)).as("every task ran").isTrue();
        assertThat(wm.wouldHaveWaited).as("hand-overs that would have waited for the WorkManager").hasValue(0);
        for (int c = 0; c < calls; c++) {
            assertThat(seen.get(c)).as("call %s's tasks", c).isSorted().hasSize(tasksPerCall).doesNotHaveDuplicates();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.activeWorkers() == 0);
        assertThat(executor.queued()).isZero();
        assertThat(executor.nanos()).as("nothing waits, so no queueing delay").isZero();
    }

    private static void chain(List<SerialExecutor> serials, List<List<Integer>> seen, int call, int i, int n,
                              CountDownLatch all, AtomicInteger started) {
        serials.get(call).execute(() -> {
            seen.get(call).add(i);
            all.countDown();
            if (i + 1 < n) {
                chain(serials, seen, call, i + 1, n, all, started);
            }
        });
    }

    @Test
    void aRefusedWorkLeavesItsTasksQueuedAndTheTimerStartsThemInOrderOnceTheWorkManagerTakesWorkAgain() {
        HeldWorkManager wm = new HeldWorkManager();
        HandTimer timer = new HandTimer();
        QueuedWorkExecutor executor = new QueuedWorkExecutor(wm, "line providers' tasks", 2);
        executor.retryOn(timer);
        List<String> ran = new CopyOnWriteArrayList<>();
        wm.refuse = true;

        executor.execute(() -> ran.add("INVITE"));
        executor.execute(() -> ran.add("BYE"));
        assertThat(executor.queued()).as("kept, not thrown back at the submitter").isEqualTo(2);
        assertThat(timer.due).as("one retry, however many refusals").hasSize(1);

        timer.fireAll(); // still refused: tried again later
        assertThat(timer.due).hasSize(1);
        wm.refuse = false;
        timer.fireAll();
        wm.runHeld();
        assertThat(ran).containsExactly("INVITE", "BYE");
        assertThat(executor.activeWorkers()).isZero();
    }

    @Test
    void withEveryWorkerBusyTasksWaitInTheQueueAndOneWorkerTakesThemAll() {
        HeldWorkManager wm = new HeldWorkManager();
        QueuedWorkExecutor executor = new QueuedWorkExecutor(wm, "event deliveries", 2);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            executor.execute(() -> ran.add(n));
        }
        assertThat(wm.held).as("never more Works than workers").hasSize(2);
        wm.runHeld();
        assertThat(ran).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(executor.activeWorkers()).isZero();
    }

    @Test
    void aFailingTaskIsLoggedAndTheWorkerGoesOn() {
        HeldWorkManager wm = new HeldWorkManager();
        QueuedWorkExecutor executor = new QueuedWorkExecutor(wm, "event deliveries", 1);
        List<String> ran = new CopyOnWriteArrayList<>();
        executor.execute(() -> {
            throw new IllegalStateException("a broken handler");
        });
        executor.execute(() -> ran.add("next"));
        wm.runHeld();
        assertThat(ran).containsExactly("next");
        assertThat(executor.activeWorkers()).isZero();
    }

    @Test
    void theQueueingDelayIsTheAgeOfTheOldestTaskNotYetStarted() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        HeldWorkManager wm = new HeldWorkManager();
        QueuedWorkExecutor executor = new QueuedWorkExecutor(wm, "event deliveries", 1, now::get);
        assertThat(executor.nanos()).isZero();

        executor.execute(() -> now.addAndGet(TimeUnit.MILLISECONDS.toNanos(5)));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(30));
        executor.execute(() -> { });
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(executor.nanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(50));

        wm.runHeld();
        assertThat(executor.nanos()).as("all started").isZero();
    }
}
