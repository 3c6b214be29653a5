package dev.switchboard.core.concurrent;

import dev.switchboard.core.spi.ProviderTimer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs one call's tasks one at a time, in the order they were queued, on a shared executor, so
 * that one call's work stays in order while different calls run in parallel. The core and the
 * line providers use this one class for that promise:
 *
 * <ul>
 *   <li>The core queues a call's events under the call's lock ({@link #enqueue}), so the queue
 *       order is the order the rules made them, and starts their delivery once the lock is
 *       released ({@link #flush}), so a handler may act on the call again at once.</li>
 *   <li>A provider hands every handler of a call to it ({@link #execute}): the SIP stack delivers
 *       one call's messages on several threads and media arrives on another, yet the SPI asks
 *       for one report at a time per call, in order.</li>
 * </ul>
 *
 * <p>At most one drain runs at a time. A task that queues more work for the same executor only
 * adds to the queue; the running drain takes it next, never recursively. A task that fails is
 * handed to the failure handler and the queue goes on. When the executor refuses a drain, the
 * tasks stay queued. Without a retry timer they go out with the next {@link #flush} and the
 * refusal reaches the caller. With one, the refusal stays here: the flush is tried again on the
 * timer after a pause that grows from {@link #FIRST_RETRY} to {@link #LONGEST_RETRY}, until the
 * executor takes the drain. That matters when the refused tasks are the last a call will ever
 * get (its hang-up): waiting for a next event would leave the call up for good.
 */
public final class SerialExecutor implements Executor {
    static final Duration FIRST_RETRY = Duration.ofMillis(50);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(2);

    /** Told when the executor refused a drain that this executor tries again by itself. */
    @FunctionalInterface
    public interface RefusalListener {
        /**
         * @param attempt 1 for the first refusal since a drain last started, then 2, 3, ...
         * @param retryIn when the next try is, or null when the timer refused it too (the tasks
         *                then wait for the next flush)
         * @param cause   the executor's refusal
         */
        void refused(int attempt, Duration retryIn, RuntimeException cause);
    }

    private final Executor executor;
    private final Consumer<Throwable> onFailure;
    private final ProviderTimer retryTimer;
    private final RefusalListener onRefused;
    private final Runnable drain = this::drain;
    /**
     * The only task waiting, while {@link #queue} is null: most steps on a call queue one event,
     * and a queue made for it would be garbage as soon as the drain ends. Guarded by {@code this}.
     */
    private Runnable single;
    /** Two or more waiting tasks (then {@link #single} is null); null otherwise, so an idle call keeps no queue. Guarded by {@code this}. */
    private ArrayDeque<Runnable> queue;
    private boolean draining;
    /** Refusals since a drain last started; a retry is scheduled while {@code retryPending}. Guarded by {@code this}. */
    private int refusals;
    private boolean retryPending;

    /**
     * An executor whose refusals reach the caller of {@link #flush} and {@link #execute}.
     *
     * @param executor  runs the drains; it decides the threads
     * @param onFailure told about a task that threw (the task itself should report its own failures)
     */
    public SerialExecutor(Executor executor, Consumer<Throwable> onFailure) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.retryTimer = null;
        this.onRefused = null;
    }

    /**
     * An executor that never hands a refusal to its caller: a refused drain is tried again on
     * {@code retryTimer} until the executor takes it.
     *
     * @param onRefused told about each refusal, for the log
     */
    public SerialExecutor(Executor executor, Consumer<Throwable> onFailure, ProviderTimer retryTimer,
                          RefusalListener onRefused) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.retryTimer = Objects.requireNonNull(retryTimer, "retryTimer");
        this.onRefused = Objects.requireNonNull(onRefused, "onRefused");
    }

    /** Queues {@code task} without starting a drain; {@link #flush} starts it. */
    public synchronized void enqueue(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (queue != null) {
            queue.add(task);
        } else if (single == null) {
            single = task;
        } else {
            queue = new ArrayDeque<>(4);
            queue.add(single);
            queue.add(task);
            single = null;
        }
    }

    /**
     * Starts a drain on the executor unless one is running or nothing is queued. A refusal is
     * thrown, or, with a retry timer, tried again later.
     */
    public void flush() {
        try {
            startDrain();
        } catch (RuntimeException e) {
            if (retryTimer == null) {
                throw e;
            }
            retryLater(e);
        }
    }

    /** Queues {@code task} and starts a drain if none is running. */
    @Override
    public void execute(Runnable task) {
        enqueue(task);
        flush();
    }

    /**
     * Queues {@code task} and starts a drain; when the executor refuses, {@code task} is taken out
     * of the queue again and the refusal thrown, with or without a retry timer. For work better
     * refused at once than done late, such as taking a new call while the threads are exhausted.
     */
    public void executeOrRefuse(Runnable task) {
        enqueue(task);
        try {
            startDrain();
        } catch (RuntimeException e) {
            synchronized (this) {
                if (single == task) {
                    single = null;
                } else if (queue != null) {
                    queue.removeLastOccurrence(task);
                }
            }
            throw e;
        }
    }

    private void startDrain() {
        synchronized (this) {
            if (draining || !hasWaiting()) {
                return;
            }
            draining = true;
        }
        try {
            executor.execute(drain);
        } catch (RuntimeException e) {
            synchronized (this) {
                draining = false; // the tasks stay queued for the next flush
            }
            throw e;
        }
        // refusals are reset by the drain itself: one lock less on every flush, and while the
        // accepted drain is pending or running no other flush reaches the executor to be refused
    }

    /** One retry at a time: it flushes whatever is queued by then. */
    private void retryLater(RuntimeException cause) {
        int attempt;
        Duration delay;
        synchronized (this) {
            if (retryPending) {
                return;
            }
            retryPending = true;
            attempt = ++refusals;
            long millis = FIRST_RETRY.toMillis() << Math.min(attempt - 1, 16);
            delay = Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
        }
        try {
            retryTimer.schedule(delay, this::retry);
        } catch (RuntimeException e) {
            synchronized (this) {
                retryPending = false;
            }
            onRefused.refused(attempt, null, cause);
            return;
        }
        onRefused.refused(attempt, delay, cause);
    }

    private void retry() {
        synchronized (this) {
            retryPending = false;
        }
        flush();
    }

    private boolean hasWaiting() {
        return single != null || (queue != null && !queue.isEmpty());
    }

    /** The oldest waiting task, or null. Under {@code this}. */
    private Runnable takeNext() {
        if (single != null) {
            Runnable next = single;
            single = null;
            return next;
        }
        return queue == null ? null : queue.poll();
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                refusals = 0; // a drain is running: the executor took it
                next = takeNext();
                if (next == null) {
                    draining = false;
                    queue = null;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                // an escaped failure must not stall the call's later tasks
                onFailure.accept(e);
            }
        }
    }
}
