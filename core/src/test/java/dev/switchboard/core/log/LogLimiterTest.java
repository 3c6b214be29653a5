package dev.switchboard.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LogLimiterTest {
    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T11:02:10Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** Collects what would be logged. */
    private static final class Lines implements System.Logger {
        final List<String> lines = new ArrayList<>();

        @Override public String getName() { return "test"; }
        @Override public boolean isLoggable(Level level) { return level.getSeverity() >= Level.INFO.getSeverity(); }
        @Override public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) { lines.add(msg); }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(java.text.MessageFormat.format(format, params));
        }
    }

    private final TestClock clock = new TestClock();
    private final Lines log = new Lines();
    private final LogLimiter limiter = new LogLimiter(3, Duration.ofSeconds(60), clock);

    @Test
    void aFloodLogsTheBurstThenCountsAndTheNextWindowSaysHowManyWereNotLogged() {
        for (int i = 0; i < 415; i++) {
            limiter.log(log, Level.WARNING, "SWB3001", () -> "bad datagram");
        }
        assertThat(log.lines).containsExactly("bad datagram", "bad datagram",
                "bad datagram; more like it until 11:03:10 are counted, not logged");
        clock.advance(Duration.ofSeconds(61));
        limiter.log(log, Level.WARNING, "SWB3001", () -> "bad datagram");
        assertThat(log.lines).last().isEqualTo("bad datagram (and 412 more like it, not logged, in the 60 s after 11:02:10)");
    }

    @Test
    void eachKeyHasItsOwnBudget() {
        for (int i = 0; i < 5; i++) {
            limiter.log(log, Level.WARNING, "SWB3001", () -> "a");
            limiter.log(log, Level.WARNING, "SWB3002", () -> "b");
        }
        assertThat(log.lines).filteredOn(l -> l.startsWith("a")).hasSize(3);
        assertThat(log.lines).filteredOn(l -> l.startsWith("b")).hasSize(3);
    }

    @Test
    void aQuietKeyLogsEveryMessageAndNothingIsAppended() {
        for (int i = 0; i < 3; i++) {
            limiter.log(log, Level.WARNING, "SWB3002", () -> "rare");
            clock.advance(Duration.ofSeconds(61));
        }
        assertThat(log.lines).containsExactly("rare", "rare", "rare");
    }

    @Test
    void messagesAreNotBuiltWhenCountedOrNotLoggable() {
        AtomicInteger built = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            limiter.log(log, Level.WARNING, "k", () -> "m" + built.incrementAndGet());
        }
        limiter.log(log, Level.DEBUG, "other", () -> "m" + built.incrementAndGet());
        assertThat(built).hasValue(3);
    }

    @Test
    void bracesAndQuotesInTheTextAreNotFormatPatterns() {
        limiter.log(log, Level.WARNING, "k", () -> "Call-ID }{'{0}");
        assertThat(log.lines).containsExactly("Call-ID }{'{0}");
    }
}
