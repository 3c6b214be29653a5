package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.spi.ProviderTimer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
    /** The interval ends when the test says, by running what was scheduled. */
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final ProviderTimer timer = (delay, task) -> {
        delays.add(delay);
        scheduled.add(task);
        return () -> { };
    };
    private final SipLogRecords logs = new SipLogRecords();

    @AfterEach
    void close() {
        logs.close();
    }

    private void endIntervals() {
        List<Runnable> due = List.copyOf(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void aFloodFromOneSourceIsOneLineThenOneCountPerInterval() throws Exception {
        RefusalLog log = new RefusalLog(60_000, true, timer);
        InetAddress a = InetAddress.getByName("192.0.2.7");
        for (int i = 0; i < 500; i++) {
            log.refused(a, RefusalLog.Kind.NOT_ALLOWED, "INVITE sip:x@h", "source address is not in sipAllowedPeers");
        }
        assertThat(logs.withId("SWB3040")).singleElement().asString().contains("192.0.2.7").contains("answered")
                .contains("INVITE sip:x@h").contains("counted for 60000 ms");
        assertThat(delays).containsExactly(Duration.ofMillis(60_000));
        endIntervals();
        assertThat(logs.withId("SWB3041")).singleElement().asString().startsWith("SWB3041: 499 more requests from 192.0.2.7");
        log.refused(a, RefusalLog.Kind.NOT_ALLOWED, "INVITE sip:x@h", "again");
        assertThat(logs.withId("SWB3040")).as("a new interval starts with a full line").hasSize(2);
    }

    @Test
    void eachSourceAndEachReasonIsCountedApartAndAQuietIntervalLogsNoCount() throws Exception {
        RefusalLog log = new RefusalLog(1_000, false, timer);
        InetAddress a = InetAddress.getByName("192.0.2.7");
        InetAddress b = InetAddress.getByName("2001:db8::9");
        log.refused(a, RefusalLog.Kind.RATE, "INVITE", "over");
        log.refused(b, RefusalLog.Kind.RATE, "INVITE", "over");
        log.refused(a, RefusalLog.Kind.AUTH, "INVITE", "wrong password or digest");
        assertThat(logs.withId("SWB3040")).hasSize(3).allMatch(l -> l.contains("dropped"));
        endIntervals();
        assertThat(logs.withId("SWB3041")).isEmpty();
    }

    @Test
    void controlCharactersFromTheNetworkAreEscaped() throws Exception {
        RefusalLog log = new RefusalLog(1_000, true, timer);
        log.refused(InetAddress.getByName("192.0.2.7"), RefusalLog.Kind.AUTH, "INVITE sip:\u001b[2J@h",
                "user 'a\r\nSWB3000: forged': unknown user");
        assertThat(logs.withId("SWB3040")).singleElement().asString().contains("sip:\\x1b[2J@h")
                .contains("a\\x0d\\x0aSWB3000: forged").doesNotContain("\u001b").doesNotContain("\n");
    }

    @Test
    void pastTheSourceCapFurtherSourcesAreCountedTogether() throws Exception {
        RefusalLog log = new RefusalLog(1_000, false, timer);
        for (int i = 0; i < RefusalLog.MAX_SOURCES + 50; i++) {
            log.refused(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}),
                    RefusalLog.Kind.NOT_ALLOWED, "INVITE", "not allowed");
        }
        assertThat(logs.withId("SWB3040")).hasSize(RefusalLog.MAX_SOURCES + 1);
        assertThat(logs.withId("SWB3040").get(RefusalLog.MAX_SOURCES)).contains("other sources");
        log.flush();
        assertThat(logs.withId("SWB3041")).singleElement().asString().contains("49 more requests from other sources");
    }
}
