package dev.switchboard.core.log;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps repeated warnings about bad input from flooding the log. Per key (a message id such as
 * SWB3001) it logs the first {@code burst} messages of each window and only counts the rest; the
 * last message logged in a window says that more will be counted, and the first one logged after
 * the window says how many were not: {@code ... (and 412 more like it, not logged, in the 60 s after
 * 11:02:10)}. A
 * garbage datagram then costs a counter increment, not a log line, and the operator still learns
 * that it happened and how often.
 *
 * <p>Messages are built only when they are logged ({@link Supplier}). Thread-safe. Keys are meant
 * to be few (message ids); the table keeps the {@value #MAX_KEYS} most recently used.
 */
public final class LogLimiter {
    static final int MAX_KEYS = 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final int burst;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** The state of one key: when its window began, how many were logged and how many were not. */
    private static final class Window {
        long start;
        int logged;
        long suppressed;
    }

    /** Logs at most {@code burst} messages per key in each {@code window}. */
    public LogLimiter(int burst, Duration window) {
        this(burst, window, Clock.systemDefaultZone());
    }

    /** As above, on {@code clock} (tests move it). */
    public LogLimiter(int burst, Duration window, Clock clock) {
        if (burst < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("burst " + burst + " must be >= 1 and window " + window
                    + " positive");
        }
        this.burst = burst;
        this.window = window;
        this.clock = clock;
    }

    /** Logs {@code text} under {@code key} unless this key's burst for the current window is spent. */
    public void log(Logger logger, Level level, String key, Supplier<String> text) {
        if (!logger.isLoggable(level)) {
            return;
        }
        String note = admit(key);
        if (note != null) {
            logger.log(level, "{0}", text.get() + note); // as a parameter: braces in the text stay text
        }
    }

    /** Null when the message is to be counted only; else the note to append (often empty). */
    private synchronized String admit(String key) {
        long now = clock.millis();
        Window w = windows.computeIfAbsent(key, k -> new Window());
        String note = "";
        if (w.logged == 0 || now - w.start >= window.toMillis()) {
            if (w.suppressed > 0) {
                note = " (and " + w.suppressed + " more like it, not logged, in the " + window.toSeconds()
                        + " s after " + at(w.start) + ")";
            }
            w.start = now;
            w.logged = 0;
            w.suppressed = 0;
        }
        if (w.logged >= burst) {
            w.suppressed++;
            return null;
        }
        w.logged++;
        if (w.logged == burst) {
            note += "; more like it until " + at(w.start + window.toMillis()) + " are counted, not logged";
        }
        return note;
    }

    private String at(long millis) {
        return LocalTime.ofInstant(Instant.ofEpochMilli(millis), clock.getZone()).truncatedTo(ChronoUnit.SECONDS)
                .format(TIME);
    }
}
