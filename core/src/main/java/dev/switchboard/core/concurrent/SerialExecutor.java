package dev.switchboard.core.concurrent;

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
 * tasks stay queued and go out with the next {@link #flush}; the refusal reaches the caller.
 */
public final class SerialExecutor implements Executor {
    private final Executor executor;
    private final Consumer<Throwable> onFailure;
    private final Runnable drain = this::drain;
    /** Null while idle: an idle call keeps no queue. Guarded by {@code this}. */
    private ArrayDeque<Runnable> queue;
    private boolean draining;

    /**
     * @param executor  runs the drains; it decides the threads
     * @param onFailure told about a task that threw (the task itself should report its own failures)
     */
    public SerialExecutor(Executor executor, Consumer<Throwable> onFailure) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Queues {@code task} without starting a drain; {@link #flush} starts it. */
    public synchronized void enqueue(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        queue.add(task);
    }

    /** Starts a drain on the executor unless one is running or nothing is queued. */
    public void flush() {
        synchronized (this) {
            if (draining || queue == null || queue.isEmpty()) {
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
    }

    /** Queues {@code task} and starts a drain if none is running. */
    @Override
    public void execute(Runnable task) {
        enqueue(task);
        flush();
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue == null ? null : queue.poll();
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
