package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.concurrent.StandaloneThreads;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.sip.provider.Rfc4475Vectors.Vector;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 4475's torture messages sent over UDP to a running provider, each expecting the answer
 * {@link Rfc4475Vectors} gives it, one after the other to one provider. A message that deserves
 * no answer is followed by an OPTIONS probe: the stack handles datagrams on one thread in arrival
 * order, so an answer to the message would come first. At the end all of them go out again at once,
 * as the RFC wrote them (branch clashes and all), and the server must still answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Rfc4475TortureTest {
    private static final StandaloneThreads THREADS = new StandaloneThreads("torture-");
    private static final RecordingEvents EVENTS = new RecordingEvents();
    private static final List<LogRecord> LOGGED = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override public void publish(LogRecord r) { LOGGED.add(r); }
        @Override public void flush() { }
        @Override public void close() { }
    };
    private static SipLineProvider provider;
    private static DatagramSocket socket;
    private static InetSocketAddress server;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        Logger.getLogger("dev.switchboard").addHandler(CAPTURE);
        // the adapter's defaults otherwise: every request-URI user lands on line "sip"
        provider = (SipLineProvider) new SipLineProviderFactory().create(Map.of(SipSettings.PORT, String.valueOf(port),
                SipSettings.RTP_PORT_RANGE, "42000-42999"));
        provider.start(new ProviderContext(EVENTS, THREADS.executor(), THREADS.longRunningExecutor(), THREADS.timer()));
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @AfterAll
    static void stop() {
        Logger.getLogger("dev.switchboard").removeHandler(CAPTURE);
        if (socket != null) {
            socket.close();
        }
        if (provider != null) {
            provider.stop();
        }
        THREADS.close();
    }

    static Stream<Vector> vectors() {
        return Rfc4475Vectors.all().stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void eachTortureMessageGetsTheAnswerItDeserves(Vector v) throws Exception {
        send(v.datagram(peer()));
        if (v.expected() == Rfc4475Vectors.NO_ANSWER) {
            String probe = probe();
            SipPeer.Message first = awaitResponse(m -> v.callId() != null && v.callId().equals(m.header("call-id"))
                    || probe.equals(m.header("call-id")), "the probe's answer after " + v.name());
            assertThat(first.header("call-id")).as(v.name() + " was answered: " + first.firstLine()).isEqualTo(probe);
            return;
        }
        SipPeer.Message answer = awaitResponse(m -> v.callId().equals(m.header("call-id")) && m.status() != 100,
                "an answer to " + v.name());
        assertThat(answer.status()).as(v + ": " + v.why() + "; got " + answer.firstLine()).isEqualTo(v.expected());
        assertThat(answer.header("to")).as("every answer but 100 is tagged (RFC 3261 8.2.6.2)").contains("tag=");
        switch (v.expected()) {
            case 405 -> assertThat(answer.raw()).as("405 names what is allowed").contains("Allow: INVITE");
            case 420 -> assertThat(answer.header("unsupported").split("\\s*,\\s*"))
                    .containsExactly("nothingSupportsThis", "nothingSupportsThisEither");
            case 415 -> assertThat(answer.header("accept")).isEqualTo("application/sdp");
            case 180 -> assertThat(EVENTS.next(v.callId())).startsWith("newCall sip ");
            default -> { }
        }
        if (v.name().equals("dblreq")) {
            String probe = probe(); // the INVITE in the REGISTER's trailing octets must not have become a call
            awaitResponse(m -> probe.equals(m.header("call-id")), "the probe's answer");
            assertThat(EVENTS.isEmpty()).as("every call so far was taken from the record").isTrue();
        }
        assertThat(loggedLines()).allSatisfy(Rfc4475TortureTest::isOneEscapedLineWithoutTrace);
    }

    @Order(0)
    @Test
    void theRfcBodyLengthsAreTranscribedExactly() {
        List<String> wrong = new ArrayList<>();
        for (Vector v : Rfc4475Vectors.all()) {
            if (List.of("clerr", "ncl", "mcl01", "dblreq", "inv2543").contains(v.name())) {
                continue; // their lengths are the point (or absent)
            }
            String text = v.text().replace("\n", "\r\n");
            int split = text.indexOf("\r\n\r\n");
            int body = text.substring(split + 4).getBytes(StandardCharsets.UTF_8).length;
            Matcher m = Pattern.compile("(?im)^(content-length|l)\\s*:\\s*(\\d+)").matcher(text.substring(0, split));
            int declared = m.find() ? Integer.parseInt(m.group(2)) : 0;
            if (declared != body) {
                wrong.add(v.name() + " declares " + declared + ", carries " + body);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** All of them again at once, as the RFC wrote them: the server answers on, and logs each in one clean line. */
    @Order(2)
    @Test
    void afterTheWholeSuiteAtOnceTheServerStillAnswers() throws IOException {
        for (Vector v : Rfc4475Vectors.all()) {
            send(v.text().replace("\n", "\r\n").replace("$PEER", peer()).getBytes(StandardCharsets.UTF_8));
        }
        String probe = probe();
        awaitResponse(m -> probe.equals(m.header("call-id")), "the probe's answer after the whole suite");
        assertThat(loggedLines()).isNotEmpty().allSatisfy(Rfc4475TortureTest::isOneEscapedLineWithoutTrace);
    }

    private static List<LogRecord> loggedLines() {
        return List.copyOf(LOGGED);
    }

    private static void isOneEscapedLineWithoutTrace(LogRecord r) {
        String text = new SimpleFormatter().formatMessage(r);
        assertThat(r.getThrown()).as("stack trace for expected input: " + text).isNull();
        assertThat(text.chars().noneMatch(c -> c < 0x20 || c == 0x7F)).as("raw control character in: " + text).isTrue();
    }

    // ---- the wire ----

    private static String peer() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private static void send(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, server));
    }

    /** Sends an OPTIONS with a fresh Call-ID; returns the Call-ID. */
    private static String probe() throws IOException {
        String callId = "probe-" + UUID.randomUUID();
        send(("OPTIONS sip:sip@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP " + peer() + ";branch=z9hG4bK" + callId
                + "\r\nFrom: <sip:probe@127.0.0.1>;tag=p\r\nTo: <sip:sip@127.0.0.1>\r\nCall-ID: " + callId
                + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        return callId;
    }

    /** Reads responses until one matches, for at most 5 s; others (retransmissions, 100s) are skipped. */
    private static SipPeer.Message awaitResponse(Predicate<SipPeer.Message> wanted, String what) throws IOException {
        byte[] buf = new byte[65535];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("no " + what + " within 5 s");
            }
            socket.setSoTimeout((int) left);
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no " + what + " within 5 s");
            }
            SipPeer.Message m = SipPeer.Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            if (m.isResponse() && wanted.test(m)) {
                return m;
            }
        }
    }
}
