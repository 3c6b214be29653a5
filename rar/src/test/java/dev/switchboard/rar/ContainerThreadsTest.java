package dev.switchboard.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.spi.ProviderTimer;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The container's threads as the adapter hands them to the core and the line providers. */
class ContainerThreadsTest {
    private final List<Timer> timers = new CopyOnWriteArrayList<>();

    @AfterEach
    void cancelTimers() {
        timers.forEach(Timer::cancel);
    }

    /** Keeps every Work it is given and runs it at once. */
    private static final class KeepingWorkManager implements WorkManager {
        final List<Work> works = new CopyOnWriteArrayList<>();
        volatile boolean refuse;

        private void take(Work work) throws WorkRejectedException {
            if (refuse) {
                throw new WorkRejectedException("queue full");
            }
            works.add(work);
            work.run();
        }

        @Override public void doWork(Work work) throws WorkRejectedException { take(work); }
        @Override public void doWork(Work w, long t, ExecutionContext c, WorkListener l) throws WorkRejectedException { take(w); }
        @Override public long startWork(Work work) throws WorkRejectedException { take(work); return 0; }
        @Override public long startWork(Work w, long t, ExecutionContext c, WorkListener l) throws WorkRejectedException { take(w); return 0; }
        @Override public void scheduleWork(Work work) throws WorkRejectedException { take(work); }
        @Override public void scheduleWork(Work w, long t, ExecutionContext c, WorkListener l) throws WorkRejectedException { take(w); }
    }

    private BootstrapContext bootstrap(AtomicInteger timersMade) {
        return new BootstrapContext() {
            @Override public WorkManager getWorkManager() { return new KeepingWorkManager(); }
            @Override public XATerminator getXATerminator() { return null; }
            @Override public Timer createTimer() {
                timersMade.incrementAndGet();
                Timer t = new Timer("container-timer", true);
                timers.add(t);
                return t;
            }
            @Override public boolean isContextSupported(Class<? extends WorkContext> c) { return true; }
            @Override public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() { return null; }
        };
    }

    @Test
    void providersLongRunningWorkCarriesTheLongRunningHintAndShortWorkNone() {
        KeepingWorkManager wm = new KeepingWorkManager();
        AtomicInteger ran = new AtomicInteger();
        WorkManagerExecutor.forLongRunningProviderWork(wm, true).execute(ran::incrementAndGet);
        new QueuedWorkExecutor(wm, "line providers' tasks", 1).execute(ran::incrementAndGet);
        new QueuedWorkExecutor(wm, "event deliveries", 1).execute(ran::incrementAndGet);

        assertThat(ran).hasValue(3);
        assertThat(wm.works.get(0)).isInstanceOf(WorkContextProvider.class);
        List<WorkContext> contexts = ((WorkContextProvider) wm.works.get(0)).getWorkContexts();
        assertThat(contexts).singleElement().isInstanceOfSatisfying(HintsContext.class,
                h -> assertThat(h.getHints()).containsEntry(HintsContext.LONGRUNNING_HINT, Boolean.TRUE));
        assertThat(wm.works.subList(1, 3)).noneMatch(w -> w instanceof WorkContextProvider);
    }

    @Test
    void withoutHintsSupportLongRunningWorkGoesInPlain() {
        KeepingWorkManager wm = new KeepingWorkManager();
        WorkManagerExecutor.forLongRunningProviderWork(wm, false).execute(() -> { });
        assertThat(wm.works).singleElement().isNotInstanceOf(WorkContextProvider.class);
    }

    @Test
    void aRefusedLongRunningWorkIsARejectedExecutionNamingWhatWasRefused() {
        KeepingWorkManager wm = new KeepingWorkManager();
        wm.refuse = true;
        assertThatThrownBy(() -> WorkManagerExecutor.forLongRunningProviderWork(wm, true).execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("a line provider's long-running work").hasMessageContaining("queue full");
    }

    @Test
    void timerTasksRunOnTheGivenExecutorAndTheContainersTimerIsMadeOnFirstUseOnly() throws Exception {
        AtomicInteger timersMade = new AtomicInteger();
        AtomicInteger handedOver = new AtomicInteger();
        Executor executor = task -> {
            handedOver.incrementAndGet();
            task.run();
        };
        BootstrapTimer timer = new BootstrapTimer(bootstrap(timersMade), executor);
        assertThat(timersMade).as("no timer until a provider waits").hasValue(0);

        CompletableFuture<String> ran = new CompletableFuture<>();
        timer.schedule(Duration.ofMillis(1), () -> ran.complete("ran"));
        assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
        assertThat(handedOver).as("the timer's thread only hands the task over").hasValue(1);

        // (what a cancelled task leaves behind: aCancelledTaskNoLongerHolds... below; counting it here with
        // Timer.purge() raced the timer's thread, which drops a cancelled task it finds at the head)
        timer.schedule(Duration.ofHours(1), () -> { }).cancel();
        assertThat(timersMade).hasValue(1);

        timer.close();
        assertThatThrownBy(() -> timer.schedule(Duration.ofMillis(1), () -> { }))
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("stopped");
    }

    /** A task scheduled an hour ahead, and a weak reference to what it holds. */
    private record HeldByTask(ProviderTimer.Scheduled scheduled, WeakReference<Object> call) {
    }

    /** Schedules a task that holds a large object (as a call's timer holds the call, its media, its buffers). */
    private static HeldByTask scheduleHoldingACall(BootstrapTimer timer) {
        Object call = new byte[1 << 20];
        ProviderTimer.Scheduled scheduled = timer.schedule(Duration.ofHours(1), () -> {
            throw new AssertionError("cancelled, never run: " + call);
        });
        return new HeldByTask(scheduled, new WeakReference<>(call));
    }

    @Test
    void aCancelledTaskNoLongerHoldsWhatItWouldHaveRunAndCancelledTasksArePurged() {
        BootstrapTimer timer = new BootstrapTimer(bootstrap(new AtomicInteger()), Runnable::run);
        HeldByTask rtpTimeout = scheduleHoldingACall(timer);

        rtpTimeout.scheduled().cancel();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return rtpTimeout.call().get() == null;
        });
        for (int i = 1; i < BootstrapTimer.PURGE_EVERY; i++) {
            timer.schedule(Duration.ofHours(1), () -> { }).cancel();
        }
        assertThat(timers.get(0).purge()).as("cancelled tasks already purged from the container's timer").isZero();
        timer.close();
    }

    @Test
    void aContainerWithoutTimerRefusesTheTaskNamingWhy() {
        BootstrapContext none = Fakes.bootstrap(new Fakes.ImmediateWorkManager());
        BootstrapTimer timer = new BootstrapTimer(none, Runnable::run);
        assertThatThrownBy(() -> timer.schedule(Duration.ofMillis(1), () -> { }))
                .isInstanceOf(RejectedExecutionException.class).hasMessageContaining("createTimer");
    }

    @Test
    void aTimedTaskTheWorkManagerRefusesIsHandedOverAgainNotDropped() throws Exception {
        AtomicInteger refusalsLeft = new AtomicInteger(3);
        Executor fullThenFree = task -> {
            if (refusalsLeft.getAndDecrement() > 0) {
                throw new RejectedExecutionException("Queue is full");
            }
            task.run();
        };
        BootstrapTimer timer = new BootstrapTimer(bootstrap(new AtomicInteger()), fullThenFree);
        CompletableFuture<String> ran = new CompletableFuture<>();
        timer.schedule(Duration.ofMillis(1), () -> ran.complete("the session timer ran"));
        assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("the session timer ran");
        assertThat(refusalsLeft.get()).as("three refusals, then taken").isNegative();
        timer.close();
    }

    @Test
    void aCancelledTaskIsNotHandedOverAgainAfterARefusal() throws Exception {
        AtomicInteger refusedHandOvers = new AtomicInteger();
        CompletableFuture<Void> firstRefusal = new CompletableFuture<>();
        Runnable refusedTask = () -> { };
        Executor refusesOneTask = task -> {
            if (task == refusedTask) {
                refusedHandOvers.incrementAndGet();
                firstRefusal.complete(null);
                throw new RejectedExecutionException("Queue is full");
            }
            task.run();
        };
        BootstrapTimer timer = new BootstrapTimer(bootstrap(new AtomicInteger()), refusesOneTask);
        ProviderTimer.Scheduled scheduled = timer.schedule(Duration.ofMillis(1), refusedTask);
        firstRefusal.get(5, TimeUnit.SECONDS);
        scheduled.cancel();
        // the timer has one thread: a task due after the refused one's retries (50 ms, then 100 ms) runs after them
        CompletableFuture<Integer> seenLater = new CompletableFuture<>();
        timer.schedule(Duration.ofMillis(400), () -> seenLater.complete(refusedHandOvers.get()));
        assertThat(seenLater.get(5, TimeUnit.SECONDS)).as("hand-overs of the cancelled task").isEqualTo(1);
        timer.close();
    }
}
