package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.spi.QueueingDelay;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Overload by queueing delay: while the adapter's work waits longer than sipMaxQueueDelayMillis
 * for a thread, new calls get 503 with Retry-After, and calls already up are served as always.
 */
class QueueDelayAdmissionTest {
    private static final String SDP = ProviderHarness.SDP;
    private static final String OFFER = SipLineProviderTest.AUDIO_OFFER;
    /** The queueing delay the harness's "adapter" reports, moved by each test. */
    private final AtomicLong delayNanos = new AtomicLong();
    private ProviderHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private void behindBy(long millis) {
        delayNanos.set(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void newCallsGet503WithRetryAfterWhileWorkWaitsTooLongAndCallsUpStillEndNormally() throws Exception {
        h = new ProviderHarness(Map.of(SipSettings.MAX_QUEUE_DELAY, "100"), delayNanos::get);
        SipPeer up = h.peer();
        h.connect(up, "sales");

        behindBy(250);
        SipPeer late = h.peer();
        late.send("INVITE", "sales", SDP, OFFER);
        SipPeer.Message refused = late.finalResponse("INVITE");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("retry-after")).isEqualTo("5");
        h.sync(late);
        assertThat(h.events.isEmpty()).as("the refused call never reached the core").isTrue();

        // in-dialog requests are never refused for load
        up.send("INFO", "sales", "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");
        assertThat(up.finalResponse("INFO").status()).isEqualTo(200);
        up.send("BYE", "sales", null, null);
        assertThat(up.finalResponse("BYE").status()).isEqualTo(200);

        behindBy(100); // at the limit, not over it
        SipPeer next = h.peer();
        next.send("INVITE", "sales", SDP, OFFER);
        next.response(180, "INVITE");
    }

    @Test
    void sippSeesAnOverloadedServerAnswer503WithRetryAfterAndAcksIt() throws Exception {
        Sipp.assumeInstalled();
        h = new ProviderHarness(Map.of(), delayNanos::get); // the default limit, 100 ms
        behindBy(101);
        try (Sipp caller = Sipp.uac(h.port, "uac_overload.xml", "sales")) {
            caller.assertSucceeded();
            assertThat(caller.actions()).contains("retry after 5");
        }
        assertThat(h.events.isEmpty()).as("the refused call never reached the core").isTrue();
    }

    @Test
    void zeroTurnsTheLimitOff() throws Exception {
        h = new ProviderHarness(Map.of(SipSettings.MAX_QUEUE_DELAY, "0"), delayNanos::get);
        behindBy(60_000);
        SipPeer caller = h.peer();
        caller.send("INVITE", "sales", SDP, OFFER);
        caller.response(180, "INVITE");
    }

    @Test
    void theLimitNamesTheWaitAndTheSetting() {
        QueueingDelay gauge = () -> TimeUnit.MILLISECONDS.toNanos(340);
        assertThat(new QueueDelayLimit(gauge, 100).refusal()).contains("340 ms").contains("sipMaxQueueDelayMillis 100");
        assertThat(new QueueDelayLimit(gauge, 400).refusal()).isNull();
        assertThat(new QueueDelayLimit(gauge, 0).refusal()).isNull();
    }

    @Test
    void theDefaultIs100MillisecondsAndASystemPropertyMovesIt() {
        assertThat(SipSettings.from(Map.of()).maxQueueDelayMillis()).isEqualTo(100);
        assertThat(SipSettings.from(Map.of(SipSettings.MAX_QUEUE_DELAY, "250")).maxQueueDelayMillis()).isEqualTo(250);
    }
}
