package dev.switchboard.rar;

import dev.switchboard.core.spi.ProviderTimer;
import dev.switchboard.core.spi.QueueingDelay;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * An {@link Executor} over the container's WorkManager whose {@link #execute} never waits and never
 * refuses. Tasks go into a queue of the adapter's own; at most {@code workers} {@link Work}s take
 * them from it, each running tasks until the queue is empty.
 *
 * <p>Why not one Work per task: WildFly's default WorkManager makes the caller of
 * {@code scheduleWork} wait while its threads and its queue are full (a start timeout does not
 * help: it is checked only once the Work starts). The callers are themselves WorkManager threads
 * (an MDB delivery handing off a call, a SIP handler reporting one), so under load every thread
 * waited for a thread and the server stopped for good. Here the adapter never has more than
 * {@code workers} Works in the WorkManager, fewer than it can hold, so handing one over never
 * waits; a refused Work (a container that refuses rather than waits) leaves its tasks queued,
 * taken by a running worker, the next task's worker, or a retry on the timer.
 *
 * <p>Ordering is not this class's job: a call's tasks are queued through a
 * {@link dev.switchboard.core.concurrent.SerialExecutor}, which hands over one drain at a time.
 * {@link #nanos()} is the queueing delay: how long the oldest queued task has waited so far.
 */
final class QueuedWorkExecutor implements Executor, QueueingDelay {
    static final Duration RETRY = Duration.ofMillis(50);

    private record Queued(Runnable task, long queuedAt) {
    }

    private final WorkManager workManager;
    private final String what;
    private final int workers;
    private final LongSupplier nanoClock;
    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    /** Works handed to the WorkManager and not yet finished, started or not. */
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicBoolean retryPending = new AtomicBoolean();
    private volatile ProviderTimer retryTimer;

    /**
     * @param what    what the tasks are, for the log ("event deliveries")
     * @param workers the most Works at once; keep it below what the WorkManager holds (threads plus queue)
     */
    QueuedWorkExecutor(WorkManager workManager, String what, int workers, LongSupplier nanoClock) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        this.workManager = Objects.requireNonNull(workManager, "workManager");
        this.what = what;
        this.workers = workers;
        this.nanoClock = nanoClock;
    }

    QueuedWorkExecutor(WorkManager workManager, String what, int workers) {
        this(workManager, what, workers, System::nanoTime);
    }

    /**
     * Where a refused Work is tried again when no worker is left to take the queued tasks. The
     * timer's task goes through an executor of the adapter, so this is set once both exist.
     */
    void retryOn(ProviderTimer timer) {
        this.retryTimer = timer;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(new Queued(Objects.requireNonNull(task, "task"), nanoClock.getAsLong()));
        if (claimWorker()) {
            startWorker();
        }
        // else: a running worker takes it; it re-reads the queue before it ends
    }

    @Override
    public long nanos() {
        Queued oldest = queue.peek();
        return oldest == null ? 0L : Math.max(0L, nanoClock.getAsLong() - oldest.queuedAt());
    }

    /** Tasks waiting for a worker. */
    int queued() {
        return queue.size();
    }

    /** Works handed over and not finished. */
    int activeWorkers() {
        return active.get();
    }

    private boolean claimWorker() {
        while (true) {
            int n = active.get();
            if (n >= workers) {
                return false;
            }
            if (active.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    private void startWorker() {
        try {
            workManager.scheduleWork(new Worker());
            refusals.set(0);
        } catch (WorkException | RuntimeException e) {
            active.decrementAndGet();
            int attempt = refusals.incrementAndGet();
            boolean stranded = active.get() == 0 && !queue.isEmpty();
            RaLog.workRefused(what, e, attempt, stranded && retryTimer != null ? RETRY.toMillis() : -1);
            if (stranded) {
                retryLater();
            }
        }
    }

    /** No worker is left for the queued tasks: try once more after a pause, one retry at a time. */
    private void retryLater() {
        ProviderTimer timer = retryTimer;
        if (timer == null || !retryPending.compareAndSet(false, true)) {
            return; // without a timer the next task starts a worker
        }
        try {
            timer.schedule(RETRY, this::retry);
        } catch (RuntimeException e) {
            retryPending.set(false); // the adapter is stopping
        }
    }

    private void retry() {
        retryPending.set(false);
        if (!queue.isEmpty() && claimWorker()) {
            startWorker();
        }
    }

    /** Takes tasks until the queue is empty. */
    private final class Worker implements Work {
        @Override
        public void run() {
            while (true) {
                Queued next = queue.poll();
                if (next == null) {
                    active.decrementAndGet();
                    // a task queued between the poll and the decrement may have seen every worker busy
                    if (queue.isEmpty() || !claimWorker()) {
                        return;
                    }
                    continue;
                }
                try {
                    next.task().run();
                } catch (RuntimeException | Error e) {
                    // the worker goes on: the other tasks are not to blame, and a worker lost here would
                    // be one fewer for good
                    RaLog.taskFailed(what, e);
                }
            }
        }

        @Override
        public void release() {
            // The worker ends by itself once the queue is empty; a task in progress is not cut short.
        }
    }
}
