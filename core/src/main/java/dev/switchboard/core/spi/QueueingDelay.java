package dev.switchboard.core.spi;

/**
 * How long work waits for a thread right now: the age of the oldest task that is queued and not
 * yet started. A line provider reads it to refuse new calls while the threads are behind (SIP:
 * 503 with Retry-After), because a queue that grows is an overload no fixed count of calls can
 * see coming: the same number of calls is light with fast applications and too much with slow
 * ones. Work already under way (a call's hang-up) is never refused for it.
 */
@FunctionalInterface
public interface QueueingDelay {
    /** For threads that never queue (a provider run on its own, as in its tests). */
    QueueingDelay NONE = () -> 0L;

    /** The age of the oldest task still waiting for a thread, in nanoseconds; 0 when none waits. */
    long nanos();
}
