package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000);

    private void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private static InetAddress ip(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {10, 0, (byte) (last >> 8), (byte) last});
    }

    @Test
    void aBurstIsTakenThenTheRateAndTheRefusalSaysWhenToRetry() throws Exception {
        RateLimiter limiter = new RateLimiter(2, 3, now::get);
        InetAddress a = ip(1);
        assertThat(limiter.tryAcquire(a)).isZero();
        assertThat(limiter.tryAcquire(a)).isZero();
        assertThat(limiter.tryAcquire(a)).isZero();
        assertThat(limiter.tryAcquire(a)).as("the burst of 3 is spent").isEqualTo(1);
        advanceMillis(499);
        assertThat(limiter.tryAcquire(a)).as("half a token short of one").isEqualTo(1);
        advanceMillis(1);
        assertThat(limiter.tryAcquire(a)).as("2/s: one token after 500 ms").isZero();
        assertThat(limiter.tryAcquire(a)).isEqualTo(1);
    }

    @Test
    void aSlowRateGivesALongerRetryAfter() throws Exception {
        RateLimiter limiter = new RateLimiter(1, 1, now::get);
        assertThat(limiter.tryAcquire(ip(1))).isZero();
        assertThat(limiter.tryAcquire(ip(1))).isEqualTo(1);
        RateLimiter slow = new RateLimiter(1, 1, now::get);
        slow.tryAcquire(ip(2));
        advanceMillis(100);
        assertThat(slow.tryAcquire(ip(2))).as("0.9 s to go rounds up").isEqualTo(1);
    }

    @Test
    void aFloodingSourceDoesNotLimitAnother() throws Exception {
        RateLimiter limiter = new RateLimiter(1, 2, now::get);
        for (int i = 0; i < 50; i++) {
            limiter.tryAcquire(ip(1));
        }
        assertThat(limiter.tryAcquire(ip(1))).isPositive();
        assertThat(limiter.tryAcquire(ip(2))).isZero();
        assertThat(limiter.tryAcquire(ip(2))).isZero();
    }

    @Test
    void aQuietSourceNeverHoldsMoreThanTheBurst() throws Exception {
        RateLimiter limiter = new RateLimiter(10, 2, now::get);
        advanceMillis(60_000);
        assertThat(limiter.tryAcquire(ip(1))).isZero();
        assertThat(limiter.tryAcquire(ip(1))).isZero();
        assertThat(limiter.tryAcquire(ip(1))).isPositive();
    }

    @Test
    void manySourcesAreForgottenWhenRefilledAndNewOnesShareABucketWhileNoneIs() throws Exception {
        RateLimiter limiter = new RateLimiter(1, 1, now::get);
        for (int i = 0; i < RateLimiter.MAX_SOURCES; i++) {
            assertThat(limiter.tryAcquire(ip(i))).isZero();
        }
        assertThat(limiter.trackedSources()).isEqualTo(RateLimiter.MAX_SOURCES);
        // every bucket is empty: two new sources share the overflow bucket (burst 1)
        assertThat(limiter.tryAcquire(ip(60_000))).isZero();
        assertThat(limiter.tryAcquire(ip(60_001))).as("shares the spent overflow bucket").isPositive();
        assertThat(limiter.trackedSources()).isEqualTo(RateLimiter.MAX_SOURCES);
        advanceMillis(1_000);
        // now every bucket has refilled: they are forgotten, and the new source gets its own
        assertThat(limiter.tryAcquire(ip(60_002))).isZero();
        assertThat(limiter.trackedSources()).isEqualTo(1);
    }

    @Test
    void aRateOfZeroOrAnEmptyBurstIsNotALimiter() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, now::get)).hasMessageContaining("0/s");
        assertThatThrownBy(() -> new RateLimiter(1, 0, now::get)).hasMessageContaining("burst");
    }
}
