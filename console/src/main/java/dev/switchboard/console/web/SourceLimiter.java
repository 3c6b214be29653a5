package dev.switchboard.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most one log line per source (an address) per interval; what falls in between is counted and the
 * count goes into the source's next line. A flood of bad requests then costs a line a minute, not a line
 * a request. Keeps at most {@value #MAX_SOURCES} sources (the least recently seen go first), so many
 * sources cannot grow it without bound. Thread-safe; the clock is passed in.
 */
public final class SourceLimiter {
    public static final long DEFAULT_INTERVAL_MILLIS = 60_000;
    static final int MAX_SOURCES = 4096;

    private static final class Window {
        long loggedAt;
        long unlogged;
    }

    private final long intervalMillis;
    private final Map<String, Window> windows = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    public SourceLimiter(long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("the interval must be positive: " + intervalMillis + " ms");
        }
        this.intervalMillis = intervalMillis;
    }

    /**
     * One more event from {@code source} at {@code nowMillis}.
     *
     * @return -1 when it must not be logged (it was counted); otherwise how many events of this source
     *         were counted and not logged since its last line (0 usually)
     */
    public synchronized long admit(String source, long nowMillis) {
        Window w = windows.get(source);
        if (w == null) {
            w = new Window();
            w.loggedAt = nowMillis;
            windows.put(source, w);
            return 0;
        }
        if (nowMillis - w.loggedAt < intervalMillis) {
            w.unlogged++;
            return -1;
        }
        long unlogged = w.unlogged;
        w.loggedAt = nowMillis;
        w.unlogged = 0;
        return unlogged;
    }

    public long intervalSeconds() {
        return intervalMillis / 1000;
    }
}
