package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.ProviderTimer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs refused requests without letting a flood flood the log: the first refusal of a source
 * for a reason is logged in full (SWB3040), the following ones within the interval are only
 * counted, and at the end of the interval the count is logged once (SWB3041). The next refusal
 * after that starts a new interval. Past {@link #MAX_SOURCES} sources in one interval (spoofed
 * addresses), further sources are counted together as "other sources".
 */
final class RefusalLog {
    static final int MAX_SOURCES = 100;

    /** Why a request was refused; each is counted on its own. */
    enum Kind {
        NOT_ALLOWED("not in " + SipSettings.ALLOWED_PEERS),
        RATE("over " + SipSettings.RATE_LIMIT),
        AUTH("failed digest authentication");

        final String summary;

        Kind(String summary) {
            this.summary = summary;
        }
    }

    /** A source (null = the other sources) and a reason. */
    private record Key(InetAddress source, Kind kind) {
        String sourceText() {
            return source == null ? "other sources (over " + MAX_SOURCES + " refused in one interval)"
                    : source.getHostAddress();
        }
    }

    private static final class Window {
        final AtomicLong suppressed = new AtomicLong();
    }

    private final long intervalMillis;
    private final String consequence;
    private final ProviderTimer timer;
    private final ConcurrentHashMap<Key, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param answered whether refusals are answered (for the log line) or dropped
     * @param timer    where the end of each interval waits
     */
    RefusalLog(long intervalMillis, boolean answered, ProviderTimer timer) {
        this.intervalMillis = intervalMillis;
        this.consequence = answered ? "answered" : "dropped";
        this.timer = timer;
    }

    /**
     * Records a refusal.
     *
     * @param what   the request, for the log (method and request-URI, escaped here)
     * @param reason what was wrong, for the log (escaped here)
     */
    void refused(InetAddress source, Kind kind, String what, String reason) {
        Key key = new Key(source, kind);
        if (!windows.containsKey(key) && windows.size() >= MAX_SOURCES) {
            key = new Key(null, kind);
        }
        Window fresh = new Window();
        Window window = windows.putIfAbsent(key, fresh);
        if (window != null) {
            window.suppressed.incrementAndGet();
            return;
        }
        SipLog.admissionRefused(key.sourceText(), NetworkText.printable(what), kind.summary,
                NetworkText.printable(reason), consequence, intervalMillis);
        Key k = key;
        try {
            timer.schedule(Duration.ofMillis(intervalMillis), () -> close(k));
        } catch (RejectedExecutionException e) {
            windows.remove(k); // stopping: the next refusal is logged in full again
        }
    }

    /** Ends every interval at once, logging what was counted (the provider stops). */
    void flush() {
        windows.keySet().forEach(this::close);
    }

    private void close(Key key) {
        Window w = windows.remove(key);
        long n = w == null ? 0 : w.suppressed.get();
        if (n > 0) {
            SipLog.admissionRefusedAgain(key.sourceText(), n, key.kind().summary, consequence, intervalMillis);
        }
    }
}
