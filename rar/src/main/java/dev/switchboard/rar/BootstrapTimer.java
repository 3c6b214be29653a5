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
 * adapter whose providers never wait has none.
 */
final class BootstrapTimer implements ProviderTimer {
    private final BootstrapContext context;
    private final Executor executor;
    private Timer timer;
    private boolean closed;

    BootstrapTimer(BootstrapContext context, Executor executor) {
        this.context = context;
        this.executor = executor;
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        TimerTask due = new TimerTask() {
            @Override
            public void run() {
                try {
                    executor.execute(task);
                } catch (RejectedExecutionException e) {
                    RaLog.timerTaskRefused(e);
                }
            }
        };
        try {
            timer().schedule(due, Math.max(0, delay.toMillis()));
        } catch (IllegalStateException e) {
            throw new RejectedExecutionException("the adapter's timer is cancelled", e);
        }
        return due::cancel;
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
