package dev.switchboard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceLimiterTest {

    @Test
    void oneLinePerSourcePerIntervalAndTheNextLineCountsTheRest() {
        SourceLimiter limiter = new SourceLimiter(60_000);
        assertThat(limiter.admit("10.0.0.1", 0)).isZero();
        for (int i = 1; i <= 5; i++) {
            assertThat(limiter.admit("10.0.0.1", i * 1000)).isEqualTo(-1);
        }
        assertThat(limiter.admit("10.0.0.2", 2000)).as("another source has its own interval").isZero();
        assertThat(limiter.admit("10.0.0.1", 60_000)).as("5 counted, not logged").isEqualTo(5);
        assertThat(limiter.admit("10.0.0.1", 60_001)).isEqualTo(-1);
        assertThat(limiter.admit("10.0.0.1", 200_000)).isEqualTo(1);
    }

    @Test
    void manySourcesCannotGrowItWithoutBound() {
        SourceLimiter limiter = new SourceLimiter(60_000);
        for (int i = 0; i < SourceLimiter.MAX_SOURCES * 2; i++) {
            limiter.admit("source-" + i, 0);
        }
        // the first sources were forgotten: they log again at once
        assertThat(limiter.admit("source-0", 1)).isZero();
        assertThat(limiter.admit("source-" + (SourceLimiter.MAX_SOURCES * 2 - 1), 1)).isEqualTo(-1);
    }
}
