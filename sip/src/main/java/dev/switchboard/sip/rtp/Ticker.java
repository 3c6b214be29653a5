package dev.switchboard.sip.rtp;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The shared timer that paces every stream. The provider hands in the scheduler it gets from the
 * container; tests hand in one they tick by hand.
 */
@FunctionalInterface
public interface Ticker {

    /** Runs {@code task} every {@code millis} until the returned handle is stopped. */
    Ticking every(int millis, Runnable task);

    /** A running schedule. */
    @FunctionalInterface
    interface Ticking {
        void stop();
    }

    /** At a fixed rate on {@code scheduler}: a late tick is followed by quick ones, so no packet time is lost. */
    static Ticker of(ScheduledExecutorService scheduler) {
        return (millis, task) -> {
            ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
    }
}
