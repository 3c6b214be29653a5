package dev.switchboard.sip.provider;

import static dev.switchboard.sip.provider.SipLineProviderTest.AUDIO_OFFER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.core.concurrent.StandaloneThreads;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderResources;
import java.io.IOException;
import java.net.DatagramSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every call ends, even when its caller vanishes: the RFC 4028 session timer, the RTP inactivity
 * timeout and the maximum call length, each proved over loopback with short configured times. A
 * call ended by them gives the core DISCONNECTED then IDLE (R24) and gives back its dialog and port.
 */
class CallEndingTest {
    private static final String SDP = "application/sdp";
    private static final String LINE = "sales";
    /** Only the clock under test runs; the others are off. */
    private static final Map<String, String> ALL_OFF = Map.of(CallLimits.SESSION_EXPIRES, "0",
            CallLimits.MIN_SESSION_EXPIRES, "1", CallLimits.RTP_TIMEOUT, "0", CallLimits.MAX_CALL, "0");

    private final RecordingEvents events = new RecordingEvents();
    private final StandaloneThreads threads = new StandaloneThreads("call-ending-");
    private final List<SipPeer> peers = new ArrayList<>();
    private SipLineProvider provider;
    private int port;

    private void start(String... settings) throws IOException {
        start(threads.executor(), settings);
    }

    private void start(Executor executor, String... settings) throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> all = new HashMap<>(Map.of(SipSettings.PORT, String.valueOf(port), SipSettings.LINES, LINE,
                SipSettings.RTP_PORT_RANGE, "42000-42999", SipSettings.DEFAULT_LINE, ""));
        all.putAll(ALL_OFF);
        for (int i = 0; i < settings.length; i += 2) {
            all.put(settings[i], settings[i + 1]);
        }
        provider = (SipLineProvider) new SipLineProviderFactory().create(all);
        provider.start(new ProviderContext(events, executor, threads.longRunningExecutor(), threads.timer()));
    }

    private SipPeer peer() throws IOException {
        SipPeer p = new SipPeer(port);
        peers.add(p);
        return p;
    }

    @AfterEach
    void stop() {
        peers.forEach(SipPeer::close);
        if (provider != null) {
            provider.stop();
        }
        threads.close();
        assertThat(events.overlapped()).as("two reports of one call ran at once").isFalse();
    }

    /** INVITE with {@code headers}, answered by an owner, ACKed; returns the 200 and the answered media port. */
    private SipPeer.Message connect(SipPeer caller, String... headers) throws Exception {
        caller.send("INVITE", LINE, SDP, AUDIO_OFFER, headers);
        assertThat(events.next(caller.callId)).startsWith("newCall");
        provider.answer(caller.callId);
        SipPeer.Message ok = caller.finalResponse("INVITE");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("state CONNECTED");
        caller.send("ACK", LINE, null, null);
        return ok;
    }

    private static int mediaPort(SipPeer.Message ok) {
        Matcher m = Pattern.compile("m=audio (\\d+) ").matcher(ok.body());
        assertThat(m.find()).as(ok.body()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The server's BYE, answered; then the core hears the call end as R24 says, and nothing is held. */
    private void expectByeAndTheEnd(SipPeer caller) throws Exception {
        caller.ok(caller.request("BYE"));
        assertThat(events.take(2, caller.callId)).containsExactly("state DISCONNECTED", "state IDLE");
        await().atMost(Duration.ofSeconds(5)).until(() -> provider.resources().equals(ProviderResources.NONE));
    }

    private static boolean bye(SipPeer.Message m) {
        return !m.isResponse() && m.method().equals("BYE");
    }

    // ---- RFC 4028 session timers ----

    @Test
    void aCallerThatRefreshesButStopsIsSentByeWhenTheSessionExpires_R24() throws Exception {
        start(CallLimits.SESSION_EXPIRES, "2");
        SipPeer caller = peer();
        long answered = System.nanoTime();
        SipPeer.Message ok = connect(caller, "Supported: timer", "Session-Expires: 2;refresher=uac");
        assertThat(ok.header("session-expires")).isEqualTo("2;refresher=uac");
        assertThat(ok.header("require")).isEqualTo("timer");

        expectByeAndTheEnd(caller);
        // RFC 4028 10: the BYE goes at the expiry less min(32 s, a third): 1.33 s for 2 s
        assertThat(Duration.ofNanos(System.nanoTime() - answered)).isBetween(Duration.ofMillis(1200),
                Duration.ofMillis(4000));
    }

    @Test
    void refreshesByUpdateAndReinviteKeepTheCallUp() throws Exception {
        start(CallLimits.SESSION_EXPIRES, "2");
        SipPeer caller = peer();
        connect(caller, "Supported: timer", "Session-Expires: 2;refresher=uac");
        for (int i = 0; i < 3; i++) { // three refreshes 0.8 s apart: 2.4 s, past the 2 s interval
            caller.expectNone(CallEndingTest::bye, Duration.ofMillis(800), "BYE while refreshing");
            if (i == 1) {
                caller.send("INVITE", LINE, SDP, AUDIO_OFFER, "Supported: timer", "Session-Expires: 2;refresher=uac");
                SipPeer.Message ok = caller.finalResponse("INVITE");
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.header("session-expires")).isEqualTo("2;refresher=uac");
                caller.send("ACK", LINE, null, null);
            } else {
                caller.send("UPDATE", LINE, null, null, "Supported: timer", "Session-Expires: 2;refresher=uac");
                SipPeer.Message ok = caller.finalResponse("UPDATE");
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.header("session-expires")).isEqualTo("2;refresher=uac");
            }
        }
        caller.send("BYE", LINE, null, null);
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("hangup");
    }

    @Test
    void withACallerWithoutTimersThisSideRefreshesByReinviteWithTheSameSdp() throws Exception {
        start(CallLimits.SESSION_EXPIRES, "2");
        SipPeer caller = peer();
        SipPeer.Message ok = connect(caller);
        assertThat(ok.header("session-expires")).isEqualTo("2;refresher=uas");
        assertThat(ok.header("require")).as("the caller does not support timers").isNull();

        for (int i = 0; i < 3; i++) { // three refreshes, about 1 s apart: the call outlives its interval
            SipPeer.Message refresh = caller.request("INVITE");
            assertThat(refresh.body()).as("the SDP sent in the 200, offered again").isEqualTo(ok.body());
            assertThat(refresh.header("session-expires")).isEqualTo("2;refresher=uac");
            caller.reply(refresh, 200, AUDIO_OFFER);
            caller.expect(m -> !m.isResponse() && m.method().equals("ACK"), "ACK of the refresh's 200");
        }
        caller.send("BYE", LINE, null, null);
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("hangup");
    }

    @Test
    void aCallerThatAllowsUpdateIsRefreshedByUpdate() throws Exception {
        start(CallLimits.SESSION_EXPIRES, "2");
        SipPeer caller = peer();
        connect(caller, "Allow: INVITE, ACK, BYE, CANCEL, UPDATE");
        for (int i = 0; i < 3; i++) { // three refreshes, about 1 s apart: the call outlives its interval
            SipPeer.Message refresh = caller.request("UPDATE");
            assertThat(refresh.body()).isEmpty();
            assertThat(refresh.header("session-expires")).isEqualTo("2;refresher=uac");
            caller.reply(refresh, 200, null, "Session-Expires: 2;refresher=uac");
        }
        assertThat(caller.hasUnread(CallEndingTest::bye)).as("a BYE while the refreshes were answered").isFalse();
        // each refresh took a CSeq of ours: the dialog's facts were reported again each time (for a cluster)
        for (String next : List.of("1", "2", "3", "4")) {
            assertThat(events.nextFacts(caller.callId)).containsEntry(DialogFacts.NEXT_CSEQ, next)
                    .containsEntry(DialogFacts.CALL_ID, caller.callId);
        }
    }

    /** A re-INVITE is a target refresh (RFC 3261 12.2.2): the new Contact is what another node's BYE must go to. */
    @Test
    void aReinviteThatMovesTheCallersContactIsReportedAgainInTheDialogFacts() throws Exception {
        start();
        SipPeer caller = peer();
        connect(caller);
        Map<String, String> first = events.nextFacts(caller.callId);
        assertThat(first).containsEntry(DialogFacts.REMOTE_TARGET, "sip:caller@127.0.0.1:" + caller.port());
        caller.sendRaw(caller.next("INVITE", LINE, SDP, AUDIO_OFFER).replace("Contact: <sip:caller@",
                "Contact: <sip:moved@"));
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        caller.send("ACK", LINE, null, null);
        Map<String, String> moved = events.nextFacts(caller.callId);
        assertThat(moved).containsEntry(DialogFacts.REMOTE_TARGET, "sip:moved@127.0.0.1:" + caller.port())
                .containsEntry(DialogFacts.LOCAL_TAG, first.get(DialogFacts.LOCAL_TAG))
                .containsEntry(DialogFacts.NEXT_CSEQ, "1");
    }

    @Test
    void aScannerThatAcksAndWalksAwayLeavesNoCall_R24() throws Exception {
        start(CallLimits.SESSION_EXPIRES, "2");
        SipPeer scanner = peer();
        connect(scanner); // INVITE, ACK, and then silence: the refresh is never answered

        scanner.request("INVITE");
        expectByeAndTheEnd(scanner);
    }

    @Test
    void aRefreshAnsweredWithAnErrorEndsTheCall_R24() throws Exception {
        start(CallLimits.SESSION_EXPIRES, "2");
        SipPeer caller = peer();
        connect(caller);
        caller.reply(caller.request("INVITE"), 481, null);
        expectByeAndTheEnd(caller);
    }

    @Test
    void aSessionIntervalBelowMinSeGets422WithMinSeAndNoCall() throws Exception {
        start(CallLimits.SESSION_EXPIRES, "1800", CallLimits.MIN_SESSION_EXPIRES, "90");
        SipPeer caller = peer();
        caller.send("INVITE", LINE, SDP, AUDIO_OFFER, "Supported: timer", "Session-Expires: 30");
        SipPeer.Message tooSmall = caller.finalResponse("INVITE");
        assertThat(tooSmall.status()).isEqualTo(422);
        assertThat(tooSmall.header("min-se")).isEqualTo("90");
        caller.ackError(LINE);
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void theIntervalIsLoweredToOursButNotBelowTheCallersMinSe() throws Exception {
        start(CallLimits.SESSION_EXPIRES, "2", CallLimits.MAX_CALL, "0");
        SipPeer caller = peer();
        SipPeer.Message ok = connect(caller, "Supported: timer", "Session-Expires: 1800", "Min-SE: 3");
        assertThat(ok.header("session-expires")).as("the caller left the refresher to us: it refreshes")
                .isEqualTo("3;refresher=uac");
        assertThat(ok.header("require")).isEqualTo("timer");
    }

    // ---- a handler the threads refuse ----

    @Test
    void aByeWhoseHandlerTheThreadsRefuseStillEndsTheCall_R24() throws Exception {
        AtomicBoolean full = new AtomicBoolean();
        AtomicInteger refusals = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        start(task -> {
            if (full.get()) {
                refusals.incrementAndGet();
                throw new RejectedExecutionException("Queue is full");
            }
            running.incrementAndGet();
            threads.executor().execute(() -> {
                try {
                    task.run();
                } finally {
                    running.decrementAndGet();
                }
            });
        });
        SipPeer caller = peer();
        connect(caller);
        caller.send("INFO", LINE, "application/dtmf", "1"); // answered: the ACK is in
        assertThat(caller.finalResponse("INFO").status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("digit 1");
        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 0); // no drain to take the BYE along

        full.set(true);
        caller.send("BYE", LINE, null, null); // its handler is refused, and refused again when retried
        await().atMost(Duration.ofSeconds(5)).until(() -> refusals.get() >= 2);
        full.set(false);

        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("hangup");
        await().atMost(Duration.ofSeconds(5)).until(() -> provider.resources().equals(ProviderResources.NONE));
    }

    // ---- RTP inactivity ----

    @Test
    void anAnsweredAudioCallWhoseRtpStopsIsEnded_R24() throws Exception {
        start(CallLimits.RTP_TIMEOUT, "1");
        SipPeer caller = peer();
        int media = mediaPort(connect(caller));
        for (int i = 0; i < 4; i++) { // RTP for 1.2 s keeps it up past the 1 s timeout
            caller.sendMedia(media, SipLineProviderTest.rtp(0, i + 1, 160L * i, new byte[160]));
            caller.expectNone(CallEndingTest::bye, Duration.ofMillis(300), "BYE while RTP flows");
        }
        long lastPacket = System.nanoTime();
        expectByeAndTheEnd(caller);
        assertThat(Duration.ofNanos(System.nanoTime() - lastPacket)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aCallOnHoldIsNotEndedForSilenceUntilItResumes() throws Exception {
        start(CallLimits.RTP_TIMEOUT, "1");
        SipPeer caller = peer();
        connect(caller);
        caller.send("INVITE", LINE, SDP, AUDIO_OFFER.replace("a=sendrecv", "a=inactive"));
        assertThat(caller.finalResponse("INVITE").body()).contains("a=inactive");
        caller.send("ACK", LINE, null, null);
        caller.expectNone(CallEndingTest::bye, Duration.ofMillis(2000), "BYE while on hold");

        caller.send("INVITE", LINE, SDP, AUDIO_OFFER); // resumed: silence counts again
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        caller.send("ACK", LINE, null, null);
        expectByeAndTheEnd(caller);
    }

    // ---- maximum call length ----

    @Test
    void anAnsweredCallIsEndedAtTheMaximumLength_R24() throws Exception {
        start(CallLimits.MAX_CALL, "1");
        SipPeer caller = peer();
        connect(caller);
        expectByeAndTheEnd(caller);
    }

    @Test
    void aCallNobodyAnswersGets480AtTheMaximumLength_R24() throws Exception {
        start(CallLimits.MAX_CALL, "1");
        SipPeer caller = peer();
        caller.send("INVITE", LINE, SDP, AUDIO_OFFER);
        assertThat(events.next(caller.callId)).startsWith("newCall");
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(480);
        caller.ackError(LINE);
        assertThat(events.take(2, caller.callId)).containsExactly("state DISCONNECTED", "state IDLE");
        await().atMost(Duration.ofSeconds(5)).until(() -> provider.resources().equals(ProviderResources.NONE));
    }

    @Test
    void theDefaultsEndACallWithinHoursNotNever() {
        CallLimits defaults = SipSettings.from(Map.of()).limits();
        assertThat(defaults).isEqualTo(new CallLimits(1800, 90, 60, 14400));
    }
}
