package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.log.LogLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the provider writes to the log when the network sends it garbage: one escaped line per
 * bad message (control characters as \xNN, long values cut with a count), no stack trace, and
 * after a burst only a count. Captured from java.util.logging, where the provider's
 * System.Logger lands outside a container (and, through WildFly's bridge, inside one).
 */
class SipLogTest {
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

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override public void publish(LogRecord r) { records.add(r); }
        @Override public void flush() { }
        @Override public void close() { }
    };
    private final TestClock clock = new TestClock();
    private ProviderHarness h;

    @BeforeEach
    void capture() {
        Logger.getLogger("dev.switchboard.sip").addHandler(capture);
        SipLog.limitBadInputWith(new LogLimiter(SipLog.BURST, SipLog.WINDOW, clock));
    }

    @AfterEach
    void release() {
        Logger.getLogger("dev.switchboard.sip").removeHandler(capture);
        Logger.getLogger("dev.switchboard.sip.stack").setLevel(null);
        SipLog.limitBadInputWith(new LogLimiter(SipLog.BURST, SipLog.WINDOW));
        if (h != null) {
            h.close();
        }
    }

    private List<String> lines(String id) {
        return records.stream().map(r -> new SimpleFormatter().formatMessage(r)).filter(l -> l.startsWith(id)).toList();
    }

    @Test
    void controlBytesFromTheNetworkAreEscapedAndLongInputIsCut() throws Exception {
        h = new ProviderHarness(Map.of());
        SipPeer peer = h.peer();
        // ESC [2J clears a terminal; NUL cuts lines in some viewers; the method is far too long to show
        peer.sendRaw("OPT\u001B[2J\u0000IONS" + "X".repeat(5000) + " sip:sales@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP"
                + " 127.0.0.1:" + peer.port() + ";branch=z9hG4bKesc\r\n\r\n");
        h.sync(peer);
        List<String> malformed = lines("SWB3001");
        assertThat(malformed).hasSize(1);
        String line = malformed.get(0);
        assertThat(line).contains("OPT\\x1B[2J\\x00IONS").contains("more chars)");
        assertThat(line).doesNotContain("\u001B").doesNotContain("\u0000").hasSizeLessThan(1000);
        assertThat(records).allSatisfy(r -> assertThat(r.getThrown()).isNull());
    }

    @Test
    void aRejectedRequestIsLoggedWithItsCallIdEscaped() throws Exception {
        h = new ProviderHarness(Map.of());
        SipPeer peer = h.peer();
        // a Call-ID may hold any word character, '%' and '~' among them, and a quoted line end may
        // sit in a display name: nothing of it may reach the log raw
        peer.sendRaw(peer.next("PUBLISH", "sales", null, null)
                .replaceFirst("Call-ID: [^\\r]+", "Call-ID: evil%1b[31m~\\\\"));
        assertThat(peer.finalResponse("PUBLISH").status()).isEqualTo(405);
        assertThat(lines("SWB3002")).singleElement().asString()
                .contains("PUBLISH of call evil%1b[31m~\\\\ rejected with 405");
    }

    @Test
    void aFloodOfGarbageIsLoggedTenTimesThenCountedAndTheCountReported() throws Exception {
        h = new ProviderHarness(Map.of());
        SipPeer peer = h.peer();
        for (int i = 0; i < 60; i++) {
            peer.sendRaw("\u001B]0;owned\u0007 garbage " + i + "\r\n\r\n");
        }
        h.sync(peer);
        List<String> logged = lines("SWB3001");
        assertThat(logged).hasSize(SipLog.BURST);
        assertThat(logged.get(SipLog.BURST - 1)).endsWith("; more like it until 11:03:10 are counted, not logged");

        clock.advance(Duration.ofSeconds(61));
        peer.sendRaw("garbage after the minute\r\n\r\n");
        h.sync(peer);
        assertThat(lines("SWB3001")).hasSize(SipLog.BURST + 1).last().asString()
                .endsWith("(and 50 more like it, not logged, in the 60 s after 11:02:10)");
    }

    @Test
    void theStacksOwnLinesAreEscapedAndCarryNoTraceBelowFinest() {
        Logger stack = Logger.getLogger("dev.switchboard.sip.stack");
        stack.setLevel(Level.FINE);
        stack.addHandler(capture);
        try {
            new JulStackLogger().logError("Rejecting message ! INVITE\r\nVia: \u001B[2J", new IllegalStateException("x\u0000"));
        } finally {
            stack.removeHandler(capture);
        }
        LogRecord r = records.get(records.size() - 1);
        assertThat(r.getMessage()).isEqualTo("Rejecting message ! INVITE\\x0D\\x0AVia: \\x1B[2J: "
                + "java.lang.IllegalStateException: x\\x00");
        assertThat(r.getThrown()).isNull();
    }
}
