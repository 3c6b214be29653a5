package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderEvents;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No thread per call for RTP, in either direction (issue 10): 500 answered SIP calls, each sent
 * silence every 20 ms, and the JVM has as many threads as it had with none. The provider is given
 * a fixed pool for its short tasks and a long-running executor that makes a new thread for every
 * task, so a thread per call anywhere would show in the count. The callers are raw UDP on loopback
 * (INVITE, then ACK for each 200); their SDP points every call's RTP at one socket, which sees 500
 * different SSRCs.
 */
class ManyCallsThreadsTest {
    private static final int CALLS = 500;
    /** INVITEs in flight at once, so that the stack's socket buffer never overflows. */
    private static final int WINDOW = 50;
    private static final Pattern CALL_ID = Pattern.compile("(?mi)^Call-ID:\\s*(\\S+)");
    private static final Pattern TO = Pattern.compile("(?mi)^To:\\s*(.+)$");
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");

    @Test
    void fiveHundredAnsweredCallsSendingSilenceTakeNoThreadOfTheirOwn() throws Exception {
        ThreadMXBean jvm = ManagementFactory.getThreadMXBean();
        ThreadPoolExecutor shortTasks = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemons("many-calls-task-"));
        ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(daemons("many-calls-timer-"));
        AtomicInteger longRunning = new AtomicInteger();
        AnsweringCore core = new AnsweringCore();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        SipLineProvider provider = (SipLineProvider) new SipLineProviderFactory().create(Map.of(
                SipSettings.PORT, String.valueOf(port), SipSettings.LINES, "sales", SipSettings.DEFAULT_LINE, "sales",
                SipSettings.RTP_PORT_RANGE, "46000-47999", SipSettings.MAX_CALLS, "600", SipSettings.RATE_LIMIT, "0",
                CallLimits.SESSION_EXPIRES, "0", CallLimits.RTP_TIMEOUT, "0", CallLimits.MAX_CALL, "0"));
        core.provider = provider;
        shortTasks.prestartAllCoreThreads();
        delays.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get();
        provider.start(new ProviderContext(core, shortTasks, task -> {
            longRunning.incrementAndGet();
            daemons("many-calls-long-").newThread(task).start();
        }, (delay, task) -> {
            ScheduledFuture<?> f = delays.schedule(() -> shortTasks.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }));
        try (DatagramSocket callers = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            rtp.setReceiveBufferSize(4 << 20);
            warmUp(callers, port, rtp.getLocalPort(), core);
            int before = jvm.getThreadCount();
            jvm.resetPeakThreadCount();

            placeAndAck(callers, port, rtp.getLocalPort(), CALLS);
            assertThat(core.connected.await(60, TimeUnit.SECONDS)).as("%d calls CONNECTED", CALLS).isTrue();
            Set<Long> sending = ssrcsHeard(rtp, CALLS + 1, Duration.ofSeconds(20));

            int during = jvm.getThreadCount();
            int peak = jvm.getPeakThreadCount();
            System.out.printf("ManyCallsThreadsTest: %d answered calls (+1 warm-up), %d sending RTP; JVM threads"
                    + " %d before, %d with the calls up, peak %d; long-running tasks %d%n", CALLS, sending.size(),
                    before, during, peak, longRunning.get());
            assertThat(sending).as("every answered call sends RTP (silence)").hasSize(CALLS + 1);
            assertThat(provider.resources().mediaPorts()).isEqualTo(CALLS + 1);
            assertThat(longRunning).as("the media engine's I/O loop and pacing loop, not one per call").hasValue(2);
            assertThat(during).as("threads with the calls up, against before").isLessThanOrEqualTo(before + 2);
            assertThat(peak).as("the peak while the calls came").isLessThanOrEqualTo(before + 2);
        } finally {
            provider.stop();
            shortTasks.shutdownNow();
            delays.shutdownNow();
        }
    }

    /**
     * One call first, so that whatever the stack and the provider make once (not per call) is made
     * before the count: the engine's loops already run from the start.
     */
    private static void warmUp(DatagramSocket callers, int port, int rtpPort, AnsweringCore core) throws IOException {
        placeAndAck(callers, port, rtpPort, 1);
        try {
            assertThat(core.firstConnected.await(10, TimeUnit.SECONDS)).as("the warm-up call").isTrue();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    /** Sends {@code count} INVITEs, at most {@link #WINDOW} unanswered at a time, and ACKs every 200. */
    private static void placeAndAck(DatagramSocket callers, int port, int rtpPort, int count) throws IOException {
        callers.setSoTimeout(10_000);
        Map<String, Integer> cseqOf = new HashMap<>();
        Set<String> answered = new HashSet<>();
        int sent = 0;
        byte[] buf = new byte[8192];
        while (answered.size() < count) {
            while (sent < count && sent - answered.size() < WINDOW) {
                String callId = "many-" + System.nanoTime() + "-" + sent + "@test";
                cseqOf.put(callId, 1);
                send(callers, port, invite(callers.getLocalPort(), port, rtpPort, callId));
                sent++;
            }
            DatagramPacket d = new DatagramPacket(buf, buf.length);
            try {
                callers.receive(d);
            } catch (SocketTimeoutException e) {
                throw new AssertionError(answered.size() + " of " + count + " calls answered; no response for 10 s");
            }
            String msg = new String(d.getData(), 0, d.getLength(), StandardCharsets.UTF_8);
            Matcher status = STATUS.matcher(msg);
            Matcher callId = CALL_ID.matcher(msg);
            if (status.find() && callId.find() && status.group(1).equals("200") && msg.contains(" INVITE")
                    && cseqOf.containsKey(callId.group(1)) && answered.add(callId.group(1))) {
                Matcher to = TO.matcher(msg);
                to.find();
                send(callers, port, ack(callers.getLocalPort(), port, callId.group(1), to.group(1).trim()));
            }
        }
    }

    /** Reads RTP for at most {@code within} until {@code expected} SSRCs were heard; returns those heard. */
    private static Set<Long> ssrcsHeard(DatagramSocket rtp, int expected, Duration within) throws IOException {
        Set<Long> ssrcs = new HashSet<>();
        byte[] buf = new byte[2048];
        long end = System.nanoTime() + within.toNanos();
        rtp.setSoTimeout(1000);
        while (ssrcs.size() < expected && System.nanoTime() < end) {
            DatagramPacket d = new DatagramPacket(buf, buf.length);
            try {
                rtp.receive(d);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (d.getLength() >= 12) {
                ssrcs.add(ByteBuffer.wrap(buf, 8, 4).getInt() & 0xFFFFFFFFL);
            }
        }
        return ssrcs;
    }

    private static String invite(int from, int to, int rtpPort, String callId) {
        String sdp = String.join("\r\n", "v=0", "o=many 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0",
                "m=audio " + rtpPort + " RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
                "a=sendrecv", "");
        return "INVITE sip:sales@127.0.0.1:" + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-" + callId.hashCode() + "-1\r\n"
                + "From: <sip:many@127.0.0.1:" + from + ">;tag=m" + Integer.toHexString(callId.hashCode()) + "\r\n"
                + "To: <sip:sales@127.0.0.1:" + to + ">\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:many@127.0.0.1:" + from + ">\r\nMax-Forwards: 70\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    private static String ack(int from, int to, String callId, String toHeader) {
        return "ACK sip:sales@127.0.0.1:" + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-" + callId.hashCode() + "-ack\r\n"
                + "From: <sip:many@127.0.0.1:" + from + ">;tag=m" + Integer.toHexString(callId.hashCode()) + "\r\n"
                + "To: " + toHeader + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    private static void send(DatagramSocket s, int port, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The core's side: answers every call at once, as an owner would, and counts them CONNECTED. */
    private static final class AnsweringCore implements ProviderEvents {
        volatile SipLineProvider provider;
        final CountDownLatch firstConnected = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(CALLS + 1);

        @Override
        public String newCall(String line, String providerCallId, int mediaModes, String callerId, String calledId) {
            provider.answer(providerCallId);
            return providerCallId;
        }

        @Override
        public void callStateChanged(String providerCallId, CallState state) {
            if (state == CallState.CONNECTED) {
                firstConnected.countDown();
                connected.countDown();
            }
        }

        @Override
        public void mediaDetected(String providerCallId, MediaMode mode) {
        }

        @Override
        public void digitReceived(String providerCallId, char digit) {
        }

        @Override
        public void remoteHangup(String providerCallId) {
        }

        @Override
        public void callDisconnected(String providerCallId, DisconnectReason reason) {
        }

        @Override
        public void mediaFinished(String providerCallId, String operationId, MediaEndReason reason,
                                  Duration recordedLength) {
        }

        @Override
        public void transferFinished(String providerCallId, String operationId, boolean succeeded, String lineReason) {
        }

        @Override
        public void bridgeFailed(String bridgeId, String reason) {
        }
    }
}
