package dev.switchboard.core.spi;

import java.time.Duration;

/**
 * Delays for a line provider (a re-INVITE that waits for an owner, a retransmission, ...). A
 * provider asks for delays here instead of keeping a timer thread of its own: inside a container
 * the resource adapter decides where the waiting happens, and the task itself always runs on the
 * provider's {@link ProviderContext#executor()}, never on the thread that did the waiting.
 */
@FunctionalInterface
public interface ProviderTimer {

    /**
     * Runs {@code task} once, on the provider's executor, after {@code delay}.
     *
     * @return the way to call it off before it runs
     * @throws java.util.concurrent.RejectedExecutionException when the timer cannot take it (stopped)
     */
    Scheduled schedule(Duration delay, Runnable task);

    /** One scheduled task. */
    @FunctionalInterface
    interface Scheduled {
        /** Calls the task off if it has not started; a task that already runs finishes. */
        void cancel();
    }
}
