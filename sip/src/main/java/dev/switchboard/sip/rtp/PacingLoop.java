package dev.switchboard.sip.rtp;

import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link Ticker} that runs its task in a loop on one thread lent by an executor: inside the
 * adapter, WorkManager work with the long-running hint, like the engine's I/O loops. A container
 * has no scheduler to give a provider, and its one-shot timer would hand a task to the WorkManager
 * a hundred times a second, each one late by however long the short-task queue is; a loop of its
 * own keeps the packet times whatever else the container does.
 *
 * <p>The loop waits for each deadline ({@link LockSupport#parkNanos}) and keeps a fixed rate: a
 * late tick is followed at once by the ones it owes, so no packet time is lost, unless it is more
 * than {@value #MAX_OWED} ticks behind (the thread was stopped for a while), when it starts
 * counting afresh rather than send a burst the peer would drop anyway. While it serves, the lent
 * thread carries the loop's name. An interrupt means the lender wants its thread back: the loop
 * ends and says so (SWB3108).
 */
public final class PacingLoop implements Ticker {

    /** Ticks made up at once after a late one; beyond that the loop starts from now. */
    static final int MAX_OWED = 10;

    private final Executor lender;
    private final String threadName;

    /**
     * @param lender     lends the loop its thread for as long as the ticker runs; it must not run
     *                   the loop on the caller's thread
     * @param threadName what the thread is called while it paces, for thread dumps
     */
    public PacingLoop(Executor lender, String threadName) {
        this.lender = lender;
        this.threadName = threadName;
    }

    /** @throws java.util.concurrent.RejectedExecutionException when the executor lends no thread */
    @Override
    public Ticking every(int millis, Runnable task) {
        Loop loop = new Loop(millis * 1_000_000L, task);
        lender.execute(loop);
        return loop::stop;
    }

    private final class Loop implements Runnable {
        private final long periodNanos;
        private final Runnable task;
        private volatile boolean running = true;
        private volatile Thread thread;

        Loop(long periodNanos, Runnable task) {
            this.periodNanos = periodNanos;
            this.task = task;
        }

        void stop() {
            running = false;
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }

        @Override
        public void run() {
            Thread current = Thread.currentThread();
            String lent = current.getName();
            current.setName(threadName);
            thread = current;
            try {
                long next = System.nanoTime() + periodNanos;
                while (running) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(this, wait);
                        if (Thread.interrupted()) {
                            MediaLog.pacingInterrupted(threadName);
                            return;
                        }
                        continue; // woken early (stop, spurious): look again
                    }
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        MediaLog.tickFailed(threadName, e);
                    }
                    next += periodNanos;
                    if (System.nanoTime() - next > MAX_OWED * periodNanos) {
                        next = System.nanoTime() + periodNanos;
                    }
                }
            } finally {
                thread = null;
                current.setName(lent);
            }
        }
    }
}
