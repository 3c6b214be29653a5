package dev.switchboard.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one per-call serial executor that the core's event delivery and the SIP provider share. */
class SerialExecutorTest {
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Test
    void tasksOfOneExecutorRunOneAtATimeInSubmissionOrderOnAPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            int serials = 8;
            int tasks = 500;
            List<List<Integer>> seen = new ArrayList<>();
            List<SerialExecutor> executors = new ArrayList<>();
            AtomicBoolean overlap = new AtomicBoolean();
            for (int s = 0; s < serials; s++) {
                seen.add(new CopyOnWriteArrayList<>());
                executors.add(new SerialExecutor(pool, failures::add));
            }
            AtomicInteger[] running = new AtomicInteger[serials];
            for (int s = 0; s < serials; s++) {
                running[s] = new AtomicInteger();
            }
            // one submitting thread per serial executor, all at once, so drains interleave on the pool
            ExecutorService submitters = Executors.newFixedThreadPool(serials);
            CountDownLatch go = new CountDownLatch(1);
            for (int s = 0; s < serials; s++) {
                int serial = s;
                submitters.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < tasks; i++) {
                        int n = i;
                        executors.get(serial).execute(() -> {
                            if (running[serial].incrementAndGet() != 1) {
                                overlap.set(true);
                            }
                            seen.get(serial).add(n);
                            running[serial].decrementAndGet();
                        });
                    }
                });
            }
            go.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().allMatch(l -> l.size() == tasks));
            submitters.shutdown();
            assertThat(overlap).as("two tasks of one serial executor ran at once").isFalse();
            for (List<Integer> l : seen) {
                assertThat(l).isSorted();
            }
            assertThat(failures).isEmpty();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTaskThatQueuesMoreRunsItAfterItselfNotInside() {
        List<String> order = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(Runnable::run, failures::add);
        serial.execute(() -> {
            order.add("first begins");
            serial.execute(() -> order.add("second"));
            order.add("first ends");
        });
        assertThat(order).containsExactly("first begins", "first ends", "second");
    }

    @Test
    void enqueuedTasksWaitForTheFlush() {
        List<String> order = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(Runnable::run, failures::add);
        serial.enqueue(() -> order.add("a"));
        serial.enqueue(() -> order.add("b"));
        assertThat(order).isEmpty();
        serial.flush();
        assertThat(order).containsExactly("a", "b");
    }

    @Test
    void aFailingTaskIsReportedAndTheQueueGoesOn() {
        List<String> order = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(Runnable::run, failures::add);
        serial.enqueue(() -> {
            throw new IllegalStateException("handler bug");
        });
        serial.enqueue(() -> order.add("after"));
        serial.flush();
        assertThat(order).containsExactly("after");
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("handler bug");
    }

    @Test
    void aRefusedDrainKeepsTheTasksForTheNextFlush() {
        AtomicBoolean refuse = new AtomicBoolean(true);
        List<String> order = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(task -> {
            if (refuse.get()) {
                throw new RejectedExecutionException("pool full");
            }
            task.run();
        }, failures::add);
        assertThatThrownBy(() -> serial.execute(() -> order.add("a"))).isInstanceOf(RejectedExecutionException.class);
        assertThat(order).isEmpty();
        refuse.set(false);
        serial.execute(() -> order.add("b"));
        assertThat(order).containsExactly("a", "b");
    }

    @Test
    void withARetryTimerARefusedDrainIsTriedAgainUntilTakenAndTheCallerNeverSeesTheRefusal() {
        AtomicInteger refusalsLeft = new AtomicInteger(3);
        List<String> order = new CopyOnWriteArrayList<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        try (StandaloneThreads threads = new StandaloneThreads("retry-test-")) {
            SerialExecutor serial = new SerialExecutor(task -> {
                if (refusalsLeft.getAndDecrement() > 0) {
                    throw new RejectedExecutionException("Queue is full");
                }
                task.run();
            }, failures::add, threads.timer(), (attempt, retryIn, cause) -> refusals.add(attempt + " " + retryIn.toMillis()));
            serial.execute(() -> order.add("hang-up"));
            serial.enqueue(() -> order.add("idle")); // the pending retry takes it too
            await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 2);
            assertThat(order).containsExactly("hang-up", "idle");
            assertThat(refusals).as("one retry at a time, each pause longer").containsExactly("1 50", "2 100", "3 200");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aRetryTheTimerRefusesLeavesTheTasksForTheNextFlush() {
        AtomicBoolean refuse = new AtomicBoolean(true);
        List<String> order = new ArrayList<>();
        List<Duration> retries = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(task -> {
            if (refuse.get()) {
                throw new RejectedExecutionException("Queue is full");
            }
            task.run();
        }, failures::add, (delay, task) -> {
            throw new RejectedExecutionException("timer stopped");
        }, (attempt, retryIn, cause) -> retries.add(retryIn));
        serial.execute(() -> order.add("a"));
        assertThat(retries).containsExactly((Duration) null);
        refuse.set(false);
        serial.flush();
        assertThat(order).containsExactly("a");
    }

    @Test
    void executeOrRefuseTakesARefusedTaskBackSoItNeverRunsLate() {
        AtomicBoolean refuse = new AtomicBoolean(true);
        List<String> order = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(task -> {
            if (refuse.get()) {
                throw new RejectedExecutionException("Queue is full");
            }
            task.run();
        }, failures::add, (delay, task) -> () -> { }, (attempt, retryIn, cause) -> { });
        assertThatThrownBy(() -> serial.executeOrRefuse(() -> order.add("start a call")))
                .isInstanceOf(RejectedExecutionException.class);
        refuse.set(false);
        serial.execute(() -> order.add("later"));
        assertThat(order).containsExactly("later");
    }
}
