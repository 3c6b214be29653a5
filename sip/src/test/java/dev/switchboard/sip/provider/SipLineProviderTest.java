package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.MediaMode;
import dev.switchboard.core.concurrent.StandaloneThreads;
import dev.switchboard.core.latency.LatencyRecorders;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.sip.MediaFiles;
import dev.switchboard.sip.pcap.PcapReader;
import dev.switchboard.sip.pcap.UdpDatagram;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider against a raw-UDP caller in the same JVM: SIP in, reports to the core out, and back. */
class SipLineProviderTest {
    static final String AUDIO_OFFER = String.join("\r\n", "v=0", "o=caller 1 1 IN IP4 127.0.0.1", "s=-",
            "c=IN IP4 127.0.0.1", "t=0 0", "m=audio 7000 RTP/AVP 0 8 101", "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16", "a=sendrecv", "");
    static final String T38_OFFER = String.join("\r\n", "v=0", "o=caller 1 2 IN IP4 127.0.0.1", "s=-",
            "c=IN IP4 127.0.0.1", "t=0 0", "m=image 7002 udptl t38", "a=T38FaxVersion:0", "a=T38MaxBitRate:14400",
            "a=T38FaxRateManagement:transferredTCF", "a=T38FaxMaxBuffer:262", "a=T38FaxMaxDatagram:176",
            "a=T38FaxUdpEC:t38UDPRedundancy", "");
    private static final String SDP = "application/sdp";
    private static final String GIVEN = "given-";
    private static final Pattern JAIN_SIP_THREAD = Pattern.compile(
            "^(DefaultSipTimerThread|BlockingQueueDispatchAuditor-Timer-|MessageProcessorThread-|EventScannerThread)"
                    + "|UDPMessageChannelThread|PipelineThread");

    private final RecordingEvents events = new RecordingEvents();
    /** The threads the test hands the provider, as the adapter hands it the WorkManager's; each use counted. */
    private final StandaloneThreads threads = new StandaloneThreads(GIVEN);
    private final AtomicInteger shortTasks = new AtomicInteger();
    private final AtomicInteger longTasks = new AtomicInteger();
    private final AtomicInteger delays = new AtomicInteger();
    private final List<SipPeer> peers = new ArrayList<>();
    private SipLineProvider provider;
    private int port;
    private final LatencyRecorders latencies = new LatencyRecorders();

    private void start(Map<String, String> extra) throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(Map.of(SipSettings.PORT, String.valueOf(port),
                SipSettings.LINES, "fax-in,sales", SipSettings.RTP_PORT_RANGE, "41000-41999",
                SipSettings.DEFAULT_LINE, "")); // empty: users that name no line get 404
        settings.putAll(extra);
        provider = (SipLineProvider) new SipLineProviderFactory().create(settings);
        provider.start(new ProviderContext(events, task -> {
            shortTasks.incrementAndGet();
            threads.executor().execute(task);
        }, task -> {
            longTasks.incrementAndGet();
            threads.longRunningExecutor().execute(task);
        }, (delay, task) -> {
            delays.incrementAndGet();
            return threads.timer().schedule(delay, task);
        }, latencies));
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

    /** INVITE → 180 and newCall; answer → 200 with SDP, CONNECTED; returns the answered media port. */
    private int connect(SipPeer caller, String line) throws Exception {
        caller.send("INVITE", line, SDP, AUDIO_OFFER);
        caller.response(180, "INVITE");
        assertThat(events.next(caller.callId)).isEqualTo("newCall " + line + " 0x4");
        provider.answer(caller.callId);
        SipPeer.Message ok = caller.finalResponse("INVITE");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("contact")).contains(line + "@127.0.0.1");
        assertThat(events.next(caller.callId)).isEqualTo("state CONNECTED");
        caller.send("ACK", line, null, null);
        Matcher m = Pattern.compile("m=audio (\\d+) RTP/AVP 0 101").matcher(ok.body());
        assertThat(m.find()).as("answer " + ok.body()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void plainAudioCallIsInteractiveVoiceAnsweredAndHungUpByCaller_R24() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        connect(caller, "fax-in");
        // recorded just after the 200 left, so possibly after the caller has it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(latencies.answerTo200().snapshot().count()).as("the answer's way to its 200 was timed")
                        .isEqualTo(1));
        caller.send("BYE", "fax-in", null, null);
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("hangup");
    }

    @Test
    void infoDigitsInBothFormatsAreReportedOnceInOrder_R18() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        connect(caller, "sales");
        caller.send("INFO", "sales", "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");
        assertThat(caller.finalResponse("INFO").status()).isEqualTo(200);
        caller.send("INFO", "sales", "application/dtmf", "#");
        assertThat(caller.finalResponse("INFO").status()).isEqualTo(200);
        assertThat(events.take(2, caller.callId)).containsExactly("digit 5", "digit #");
    }

    @Test
    void badInfoBodiesGet400And415AndNoDigit() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        connect(caller, "sales");
        caller.send("INFO", "sales", "application/dtmf-relay", "Duration=160\r\n");
        assertThat(caller.finalResponse("INFO").status()).isEqualTo(400);
        caller.send("INFO", "sales", "text/plain", "hello");
        SipPeer.Message unsupported = caller.finalResponse("INFO");
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.header("accept")).contains("application/dtmf-relay");
        caller.send("BYE", "sales", null, null);
        caller.finalResponse("BYE");
        assertThat(events.next(caller.callId)).isEqualTo("hangup");
    }

    @Test
    void rfc4733EventsGiveEachDigitOnce_R18() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        int media = connect(caller, "sales");
        int seq = 1;
        for (int digit : new int[] {1, 1, 9}) {
            long ts = 1000L * seq;
            // a key press: three start packets, an update, three end packets, all with one timestamp
            for (int i = 0; i < 7; i++) {
                caller.sendMedia(media, rtp(101, seq++, ts, new byte[] {(byte) digit, (byte) (i >= 4 ? 0x8a : 0x0a), 0, (byte) (80 * (i + 1))}));
            }
        }
        assertThat(events.take(3, caller.callId)).containsExactly("digit 1", "digit 1", "digit 9");
    }

    @Test
    void cngToneInMuLawRtpIsDetectedOnce_R17() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        int media = connect(caller, "fax-in");
        for (UdpDatagram d : PcapReader.readUdp(MediaFiles.faxTone("cng_1100hz.pcap"))) {
            caller.sendMedia(media, d.payload());
        }
        assertThat(events.next(caller.callId)).isEqualTo("media G3FAX");
        caller.send("BYE", "fax-in", null, null);
        caller.finalResponse("BYE");
        assertThat(events.next(caller.callId)).as("one detection only, then the hang-up").isEqualTo("hangup");
    }

    @Test
    void t38ReinviteWaitsForTheOwnerToSetG3faxThenGetsT38Answer_R17() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        connect(caller, "fax-in");
        caller.send("INVITE", "fax-in", SDP, T38_OFFER);
        assertThat(events.next(caller.callId)).isEqualTo("media G3FAX");
        // the re-INVITE is pending: an OPTIONS sent now is answered, the re-INVITE is not
        caller.send("OPTIONS", "fax-in", null, null);
        caller.response(200, "OPTIONS");
        assertThat(caller.hasUnread(m -> m.isResponse() && m.method().equals("INVITE") && m.status() >= 200)).isFalse();
        provider.mediaModeChanged(caller.callId, MediaMode.G3FAX.bit());
        SipPeer.Message ok = caller.finalResponse("INVITE");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).containsPattern("m=image \\d+ udptl t38").contains("a=T38FaxVersion:0");
        caller.send("ACK", "fax-in", null, null);
        caller.send("BYE", "fax-in", null, null);
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("hangup");
    }

    @Test
    void t38ReinviteIsAnsweredAtOnceWhenTheCallIsAlreadyFax() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        connect(caller, "fax-in");
        provider.mediaModeChanged(caller.callId, MediaMode.G3FAX.bit());
        caller.send("INVITE", "fax-in", SDP, T38_OFFER);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("media G3FAX");
    }

    @Test
    void t38ReinviteGets488WhenTheModeIsSetToSomethingElse() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        connect(caller, "fax-in");
        caller.send("INVITE", "fax-in", SDP, T38_OFFER);
        assertThat(events.next(caller.callId)).isEqualTo("media G3FAX");
        provider.mediaModeChanged(caller.callId, MediaMode.INTERACTIVEVOICE.bit());
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(488);
    }

    @Test
    void t38ReinviteGets488AfterTheTimeout() throws Exception {
        start(Map.of(SipSettings.REINVITE_TIMEOUT, "200"));
        SipPeer caller = peer();
        connect(caller, "fax-in");
        caller.send("INVITE", "fax-in", SDP, T38_OFFER);
        assertThat(events.next(caller.callId)).isEqualTo("media G3FAX");
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(488);
    }

    @Test
    void byeDuringPendingReinviteAnswersIt487AndEndsTheCall_R24() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        connect(caller, "fax-in");
        caller.send("INVITE", "fax-in", SDP, T38_OFFER);
        assertThat(events.next(caller.callId)).isEqualTo("media G3FAX");
        caller.send("BYE", "fax-in", null, null);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(487);
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("hangup");
        provider.mediaModeChanged(caller.callId, MediaMode.G3FAX.bit()); // too late: ignored
    }

    @Test
    void cancelBeforeAnswerGives487AndHangup_R24() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        caller.send("INVITE", "sales", SDP, AUDIO_OFFER);
        caller.response(180, "INVITE");
        assertThat(events.next(caller.callId)).isEqualTo("newCall sales 0x4");
        caller.send("CANCEL", "sales", null, null);
        assertThat(caller.finalResponse("CANCEL").status()).isEqualTo(200);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(487);
        caller.ackError("sales");
        assertThat(events.next(caller.callId)).isEqualTo("hangup");
    }

    @Test
    void dropBeforeAnswerDeclinesWith603() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        caller.send("INVITE", "sales", SDP, AUDIO_OFFER);
        assertThat(events.next(caller.callId)).startsWith("newCall");
        provider.drop(caller.callId);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(603);
        caller.ackError("sales");
        assertThat(events.take(2, caller.callId)).containsExactly("state DISCONNECTED", "state IDLE");
    }

    @Test
    void dropAfterAnswerSendsBye() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        connect(caller, "sales");
        provider.drop(caller.callId);
        SipPeer.Message bye = caller.expect(m -> !m.isResponse() && m.method().equals("BYE"), "BYE from the server");
        caller.ok(bye);
        assertThat(events.take(2, caller.callId)).containsExactly("state DISCONNECTED", "state IDLE");
    }

    @Test
    void unknownUserGets404WithoutACall() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        caller.send("INVITE", "nobody", SDP, AUDIO_OFFER);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(404);
        caller.ackError("nobody");
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void unknownUserReachesTheDefaultLineWhenOneIsSet() throws Exception {
        start(Map.of(SipSettings.DEFAULT_LINE, "sales"));
        SipPeer caller = peer();
        caller.send("INVITE", "1000", SDP, AUDIO_OFFER);
        assertThat(events.next(caller.callId)).isEqualTo("newCall sales 0x4");
    }

    @Test
    void t38OnlyOfferIsAFaxCallAnsweredWithT38() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        caller.send("INVITE", "fax-in", SDP, T38_OFFER);
        assertThat(events.next(caller.callId)).isEqualTo("newCall fax-in 0x20");
        provider.answer(caller.callId);
        SipPeer.Message ok = caller.finalResponse("INVITE");
        assertThat(ok.body()).containsPattern("m=image \\d+ udptl t38");
    }

    @Test
    void malformedSdpGets400AndOtherBodies415AndVideoOnly488() throws Exception {
        start(Map.of());
        SipPeer bad = peer();
        bad.send("INVITE", "sales", SDP, "v=0\r\nthis is not sdp\r\n");
        assertThat(bad.finalResponse("INVITE").status()).isEqualTo(400);
        SipPeer text = peer();
        text.send("INVITE", "sales", "text/plain", "hello");
        SipPeer.Message r415 = text.finalResponse("INVITE");
        assertThat(r415.status()).isEqualTo(415);
        assertThat(r415.header("accept")).isEqualTo("application/sdp");
        SipPeer video = peer();
        video.send("INVITE", "sales", SDP, AUDIO_OFFER.replace("m=audio 7000 RTP/AVP 0 8 101", "m=video 7000 RTP/AVP 96")
                .replaceAll("a=rtpmap:[08] PCM./8000\r\n", ""));
        assertThat(video.finalResponse("INVITE").status()).isEqualTo(488);
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void malformedRequestGets400AndTheListenerGoesOn() throws Exception {
        start(Map.of());
        SipPeer bad = peer();
        String invite = bad.request("INVITE", "sales", 1, SDP, AUDIO_OFFER);
        bad.sendRaw(invite.replace("Max-Forwards: 70", "Max-Forwards: seventy"));
        assertThat(bad.finalResponse("INVITE").status()).isEqualTo(400);
        bad.sendRaw("\u0000\u0001garbage that is not SIP at all\r\n\r\n");
        SipPeer good = peer();
        connect(good, "sales");
    }

    @Test
    void callsOverSipMaxCallsGet503WithRetryAfter() throws Exception {
        start(Map.of(SipSettings.MAX_CALLS, "1"));
        SipPeer first = peer();
        first.send("INVITE", "sales", SDP, AUDIO_OFFER);
        assertThat(events.next(first.callId)).startsWith("newCall");
        SipPeer second = peer();
        second.send("INVITE", "sales", SDP, AUDIO_OFFER);
        SipPeer.Message busy = second.finalResponse("INVITE");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("retry-after")).isEqualTo("5");
    }

    @Test
    void messagesOverSipMaxMessageSizeGet513() throws Exception {
        start(Map.of(SipSettings.MAX_MESSAGE_SIZE, "1024"));
        SipPeer caller = peer();
        caller.send("INVITE", "sales", SDP, AUDIO_OFFER + "a=x-padding:" + "x".repeat(1200) + "\r\n");
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(513);
    }

    @Test
    void byeForAnUnknownCallGets481AndOtherMethods405() throws Exception {
        start(Map.of());
        SipPeer caller = peer();
        caller.send("BYE", "sales", null, null);
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(481);
        caller.send("SUBSCRIBE", "sales", null, null);
        SipPeer.Message r = caller.finalResponse("SUBSCRIBE");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("allow")).contains("INVITE");
    }

    @Test
    void eachCallsReportsKeepTheirOrderWhileCallsRunInParallel() throws Exception {
        start(Map.of());
        List<SipPeer> callers = List.of(peer(), peer(), peer());
        Map<String, List<String>> seen = new HashMap<>();
        for (SipPeer c : callers) {
            c.send("INVITE", "sales", SDP, AUDIO_OFFER);
        }
        for (int i = 0; i < callers.size(); i++) {
            RecordingEvents.Report r = events.next();
            seen.computeIfAbsent(r.callId(), k -> new ArrayList<>()).add(r.text());
        }
        for (SipPeer c : callers) {
            provider.answer(c.callId);
            c.finalResponse("INVITE");
            // the INFO goes before the ACK, as jain-sip was seen to deliver them
            c.send("INFO", "sales", "application/dtmf", "1");
            c.send("ACK", "sales", null, null);
        }
        String digits = "234567890*#";
        for (char d : digits.toCharArray()) {
            // one INFO outstanding per call (a lower CSeq arriving late would rightly get 500), calls interleaved
            for (SipPeer c : callers) {
                c.finalResponse("INFO");
                c.send("INFO", "sales", "application/dtmf", String.valueOf(d));
            }
        }
        for (SipPeer c : callers) {
            c.finalResponse("INFO");
            c.send("BYE", "sales", null, null);
        }
        int expected = callers.size() * (1 + 1 + digits.length() + 1);
        for (int i = 0; i < expected; i++) {
            RecordingEvents.Report r;
            try {
                r = events.next();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; seen so far: " + seen, e);
            }
            seen.computeIfAbsent(r.callId(), k -> new ArrayList<>()).add(r.text());
        }
        List<String> order = new ArrayList<>(List.of("newCall sales 0x4", "state CONNECTED", "digit 1"));
        for (char d : digits.toCharArray()) {
            order.add("digit " + d);
        }
        order.add("hangup");
        for (SipPeer c : callers) {
            assertThat(seen.get(c.callId)).as(c.callId).containsExactlyElementsOf(order);
        }
    }

    @Test
    void theProvidersOwnWorkRunsOnTheThreadsItIsGivenAndItMakesNone() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        // the clocks that end calls are off, so that the one delay counted is the re-INVITE timeout
        // the media engine's threads are named after the setting while they serve: here, after the given ones
        start(Map.of(SipSettings.REINVITE_TIMEOUT, "200", CallLimits.SESSION_EXPIRES, "0", CallLimits.RTP_TIMEOUT, "0",
                CallLimits.MAX_CALL, "0", MediaSettings.THREAD_NAME_PREFIX, GIVEN + "rtp"));
        SipPeer caller = peer();
        int media = connect(caller, "sales");
        int seq = 1;
        for (int i = 0; i < 7; i++) { // digit 4 in RFC 4733 packets: the media engine's work
            caller.sendMedia(media, rtp(101, seq++, 1000, new byte[] {4, (byte) (i >= 4 ? 0x8a : 0x0a), 0, (byte) (80 * (i + 1))}));
        }
        assertThat(events.next(caller.callId)).isEqualTo("digit 4");
        caller.send("INVITE", "sales", SDP, T38_OFFER); // left to time out: the timer's work
        assertThat(events.next(caller.callId)).isEqualTo("media G3FAX");
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(488);

        // looked at while the call, and so its stream on the media engine, is still up
        Map<Thread, StackTraceElement[]> now = Thread.getAllStackTraces();
        List<String> made = new ArrayList<>();
        String readerThread = null;
        for (Map.Entry<Thread, StackTraceElement[]> t : now.entrySet()) {
            String name = t.getKey().getName();
            if (Arrays.stream(t.getValue()).anyMatch(f -> f.getClassName().equals("dev.switchboard.sip.rtp.IoLoop"))) {
                readerThread = name;
            }
            if (!before.contains(t.getKey()) && !name.startsWith(GIVEN) && !isJainSips(t.getKey(), t.getValue())) {
                made.add(name + " " + Arrays.toString(t.getValue()));
            }
        }
        assertThat(made).as("threads the provider made itself").isEmpty();
        assertThat(readerThread).as("the media engine's I/O thread, named while it serves").isEqualTo(GIVEN + "rtp-io-0");
        assertThat(events.threads()).as("threads the reports came from").isNotEmpty().allMatch(n -> n.startsWith(GIVEN));
        assertThat(shortTasks).as("handlers run on the given executor").hasPositiveValue();
        assertThat(longTasks).as("the media engine's I/O loop and pacing loop on the given long-running executor,"
                + " not one per call").hasValue(2);
        assertThat(delays).as("the re-INVITE timeout on the given timer").hasValue(1);
    }

    /**
     * jain-sip's transport and timer threads, the one kind the provider may run beside the given
     * ones: running jain-sip code, or idle under a name jain-sip gives its threads.
     */
    private static boolean isJainSips(Thread thread, StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("gov.nist."))
                || JAIN_SIP_THREAD.matcher(thread.getName()).find();
    }

    static byte[] rtp(int payloadType, int seq, long timestamp, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) payloadType).putShort((short) seq).putInt((int) timestamp).putInt(0x1234).put(payload);
        return b.array();
    }
}
