package dev.switchboard.rar;

import dev.switchboard.core.spi.ProviderTimer;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.UnavailableException;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The line providers' timer in the container. The waiting is done by the {@link Timer} of
 * {@link BootstrapContext#createTimer()}, the one timer the Connectors specification gives an
 * adapter: the container makes it and cancels it when the adapter goes. Its thread only hands
 * each due task to the providers' executor (the WorkManager), as the specification advises, so
 * the task itself runs on a WorkManager thread. A scheduler of our own built on WorkManager work
 * would keep a WorkManager thread asleep for as long as the adapter runs, and a
 * ScheduledExecutorService would be an unmanaged thread. The Timer is made on first use, so an
 * adapter whose providers never wait has none. A hand-off the WorkManager refuses is tried again
 * on the timer (see {@link Handoff}).
 */
final class BootstrapTimer implements ProviderTimer {
    /**
     * A cancelled TimerTask stays in the Timer's queue until it would have been due. Providers cancel
     * most of what they schedule (a call's RTP timeout, its session timer, when it ends), so after
     * this many cancellations the queue is purged; see also {@link Handoff#cancel}.
     */
    static final int PURGE_EVERY = 1024;

    private final BootstrapContext context;
    private final Executor executor;
    private Timer timer;
    private boolean closed;
    /** Cancellations since the last purge. Guarded by {@code this}. */
    private int cancelledSincePurge;

    BootstrapTimer(BootstrapContext context, Executor executor) {
        this.context = context;
        this.executor = executor;
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        Handoff handoff = new Handoff(task);
        handoff.arm(Math.max(0, delay.toMillis()));
        return handoff::cancel;
    }

    /**
     * One provider task: due on the timer, then handed to the executor. A hand-off the WorkManager
     * refuses (its queue is full) is tried again after a pause that grows from 50 ms to 2 s, never
     * dropped: the task may be what ends a call (a session timer, an RTP timeout, a retried
     * delivery), and a dropped one would leave the call up for good. Only a stopped adapter drops it.
     */
    private final class Handoff {
        private static final long FIRST_PAUSE_MILLIS = 50;
        private static final long LONGEST_PAUSE_MILLIS = 2000;

        /** Null once cancelled: the cancelled TimerTask that waits in the queue must not keep the call alive. */
        private volatile Runnable task;
        private volatile boolean cancelled;
        private volatile TimerTask armed;
        /** Touched only by the timer's one thread. */
        private int refusals;

        Handoff(Runnable task) {
            this.task = task;
        }

        void arm(long millis) {
            TimerTask due = new TimerTask() {
                @Override
                public void run() {
                    handOver();
                }
            };
            armed = due;
            try {
                timer().schedule(due, millis);
            } catch (IllegalStateException e) {
                throw new RejectedExecutionException("the adapter's timer is cancelled", e);
            }
        }

        private void handOver() {
            Runnable task = this.task;
            if (cancelled || task == null) {
                return;
            }
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                refusals++;
                long pause = Math.min(FIRST_PAUSE_MILLIS << Math.min(refusals - 1, 16), LONGEST_PAUSE_MILLIS);
                try {
                    arm(pause);
                    RaLog.timerTaskRefused(e, refusals, pause);
                } catch (RejectedExecutionException stopped) {
                    RaLog.timerTaskDropped(stopped);
                }
            }
        }

        void cancel() {
            cancelled = true;
            task = null;
            TimerTask t = armed;
            if (t != null && t.cancel()) {
                cancelledOne();
            }
        }
    }

    private synchronized void cancelledOne() {
        if (++cancelledSincePurge >= PURGE_EVERY && timer != null) {
            cancelledSincePurge = 0;
            timer.purge();
        }
    }

    private synchronized Timer timer() {
        if (closed) {
            throw new RejectedExecutionException("the resource adapter is stopped; its timer takes no task");
        }
        if (timer == null) {
            try {
                timer = context.createTimer();
            } catch (UnavailableException e) {
                throw new RejectedExecutionException("the container gives the adapter no timer"
                        + " (BootstrapContext.createTimer): " + e.getMessage(), e);
            }
        }
        return timer;
    }

    /** Cancels the timer and every task still waiting on it; called when the adapter stops. */
    synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
