package dev.switchboard.sip.provider;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Requests per second per source address ({@code sipRateLimit}, {@code sipRateBurst}): a token
 * bucket per source that holds up to {@code burst} tokens and gains {@code perSecond} a second;
 * each request takes one. A source that sends no more than the rate is never refused; one that
 * floods gets its burst and then the rate.
 *
 * <p>Memory is bounded: past {@link #MAX_SOURCES} tracked sources, buckets that have refilled
 * (their sources went quiet) are forgotten, and if none has, new sources share one bucket
 * until some do. Spraying spoofed source addresses then limits those sources together, not
 * the established ones.
 */
final class RateLimiter {
    static final int MAX_SOURCES = 10_000;
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket overflow;

    /**
     * @param perSecond tokens gained a second, more than 0
     * @param burst     the most tokens a bucket holds, at least 1
     * @param nanoTime  the clock ({@code System::nanoTime}; tests pass their own)
     */
    RateLimiter(int perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a rate above 0 and a burst of 1 or more, not "
                    + perSecond + "/s and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.overflow = new Bucket(burst, nanoTime.getAsLong());
    }

    /**
     * Takes a token for a request from {@code source}.
     *
     * @return 0 when the request may pass, else how many whole seconds (at least 1) until the
     * source has a token again: the Retry-After of its 503
     */
    long tryAcquire(InetAddress source) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            if (buckets.size() >= MAX_SOURCES) {
                forgetRefilled(now);
            }
            bucket = buckets.size() >= MAX_SOURCES ? overflow
                    : buckets.computeIfAbsent(source, s -> new Bucket(burst, now));
        }
        return bucket.take(now);
    }

    /** How many sources have a bucket of their own (for tests). */
    int trackedSources() {
        return buckets.size();
    }

    private void forgetRefilled(long now) {
        buckets.values().removeIf(b -> b.isFull(now));
    }

    /** One source's tokens; its own lock, so sources never wait on each other. */
    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double seconds = (1 - tokens) / perSecond;
            return Math.max(1, (long) Math.ceil(seconds));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + perSecond * elapsed / NANOS_PER_SECOND);
                updated = now;
            }
        }
    }
}
