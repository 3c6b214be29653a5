package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.QueueingDelay;
import java.util.concurrent.TimeUnit;

/**
 * Whether a new call may come in, judged by how long work waits for a thread
 * ({@link QueueingDelay}) rather than by how many calls are up: the threads falling behind is what
 * makes answers late and callers retransmit, whatever the number of calls that did it. Only new
 * calls are refused (503 with Retry-After); a call already up gets every message it sends handled,
 * however late, since refusing its BYE would only make it last longer.
 */
final class QueueDelayLimit {
    private final QueueingDelay delay;
    private final long maxNanos;
    private final long maxMillis;

    /** @param maxMillis the longest wait before new calls are refused; 0 = never refuse for it */
    QueueDelayLimit(QueueingDelay delay, long maxMillis) {
        this.delay = delay;
        this.maxMillis = maxMillis;
        this.maxNanos = TimeUnit.MILLISECONDS.toNanos(maxMillis);
    }

    /** Why a new call is refused now, or null when it may come in. */
    String refusal() {
        if (maxNanos == 0) {
            return null;
        }
        long waited = delay.nanos();
        if (waited <= maxNanos) {
            return null;
        }
        return "the adapter's threads are behind: work has waited " + TimeUnit.NANOSECONDS.toMillis(waited)
                + " ms for a thread (" + SipSettings.MAX_QUEUE_DELAY + " " + maxMillis + ")";
    }
}
