package dev.switchboard.it.sip;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A prompt an application plays reaches a SIP caller: a small caller in the test (raw UDP SIP and
 * an RTP socket, in the server's JVM) calls line prompt-in, the test application 'sip-prompt'
 * answers and plays a WAV file and a tone, and the test decodes the RTP it receives (µ-law,
 * Goertzel per packet) and checks the order, the frequencies and the pacing; the play's completion
 * reaches the application, which hangs up.
 *
 * <p>On WildFly and Open Liberty, like {@link SipCallsIT}, whose port, lines and connection factory it
 * shares (the classes deploy one after the other); on Liberty the activation spec of SipPromptApp is in
 * the suite's server.xml.
 */
@ExtendWith(ArquillianExtension.class)
class SipPromptIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long PACKET_TIME = 20_000_000L;
    private static final Pattern TO = Pattern.compile("(?mi)^To:\\s*(.+?)\\r?$");
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");

    @Deployment
    static EnterpriseArchive deployment() {
        return SipDeployments.ear(SipCallsIT.SIP_PORT, SipCallsIT.WILDFLY_FACTORY, java.util.Map.of(),
                new Class<?>[] {SipPromptApp.class}, SipPromptIT.class, Sipp.class);
    }

    @Test
    void aPromptPlayedByAnApplicationReachesTheCallerInOrderAndPacedAndItsCompletionFollows_R28() throws Exception {
        SipResults results = InitialContext.doLookup("java:app/sip-apps/SipResults");
        writeWav(1200, 600);
        Set<String> before = results.mediaEnded().keySet();
        try (DatagramSocket sip = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            sip.setSoTimeout(10_000);
            rtp.setSoTimeout(10_000);
            String callId = UUID.randomUUID() + "@prompt-it";
            send(sip, invite(sip.getLocalPort(), rtp.getLocalPort(), callId));
            String ok = awaitFinal(sip, "INVITE");
            assertEquals("200", status(ok), ok);
            send(sip, ack(sip.getLocalPort(), callId, header(TO, ok)));

            List<short[]> played = new ArrayList<>();
            List<Long> arrivals = new ArrayList<>();
            short[] first;
            do {
                first = receive(rtp, arrivals);
            } while (share(first, 1200) < 0.9);
            played.add(first);
            while (played.size() < 60) { // the prompt's 60 packets; the application hangs up when it ends
                played.add(receive(rtp, arrivals));
            }
            List<Long> times = arrivals.subList(arrivals.size() - played.size(), arrivals.size());
            for (int i = 0; i < played.size(); i++) {
                short[] p = played.get(i);
                if (i < 30) {
                    assertTrue(share(p, 1200) > 0.9, "packet " + i + " carries the file's 1200 Hz");
                } else {
                    assertTrue(share(p, 700) > 0.9, "packet " + i + " carries the tone's 700 Hz");
                }
            }
            long earliest = Long.MAX_VALUE;
            for (int i = 0; i < 60; i++) {
                earliest = Math.min(earliest, times.get(i) - i * PACKET_TIME);
            }
            for (int i = 0; i < 60; i++) {
                long late = times.get(i) - i * PACKET_TIME - earliest;
                assertTrue(late < PACKET_TIME, "packet " + i + " of the prompt arrives within one packet time of"
                        + " its time (" + late / 1_000_000 + " ms late)");
            }

            String bye = awaitRequest(sip, "BYE");
            send(sip, okTo(bye));
        }
        await().atMost(WAIT).until(() -> results.mediaEnded().size() > before.size());
        Map<String, List<String>> ended = results.mediaEnded();
        ended.keySet().removeAll(before);
        assertEquals(List.of("PLAY DONE"), ended.values().iterator().next(), ended::toString);
        await().atMost(WAIT).until(() -> results.ownersAtIdle().containsKey(ended.keySet().iterator().next()));
        assertTrue(results.problems().isEmpty(), () -> results.problems().toString());
    }

    /** The prompt file: a sine of {@code hz} for {@code millis}, 8 kHz 16-bit mono, written by javax.sound.sampled. */
    private static void writeWav(double hz, int millis) throws IOException {
        int n = millis * 8;
        ByteBuffer pcm = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            pcm.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / 8000)));
        }
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        Files.deleteIfExists(SipPromptApp.PROMPT);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, n),
                AudioFileFormat.Type.WAVE, SipPromptApp.PROMPT.toFile());
    }

    /** The next RTP packet's µ-law payload as linear samples; its arrival time is added to {@code arrivals}. */
    private static short[] receive(DatagramSocket rtp, List<Long> arrivals) throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket d = new DatagramPacket(buf, buf.length);
        rtp.receive(d);
        arrivals.add(System.nanoTime());
        assertEquals(0, buf[1] & 0x7F, "PCMU, the one codec offered");
        int headerLength = 12 + 4 * (buf[0] & 0x0F);
        short[] samples = new short[d.getLength() - headerLength];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = ulaw(buf[headerLength + i]);
        }
        return samples;
    }

    /** G.711 µ-law to linear (ITU-T G.711). */
    private static short ulaw(byte b) {
        int u = ~b & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    /** Goertzel: the share (0 to 1) of the samples' energy at {@code hz}. */
    private static double share(short[] s, double hz) {
        double c = 2 * Math.cos(2 * Math.PI * hz / 8000);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (short v : s) {
            double x = v + c * s1 - s2;
            s2 = s1;
            s1 = x;
            energy += (double) v * v;
        }
        return energy == 0 ? 0 : 2 * (s1 * s1 + s2 * s2 - c * s1 * s2) / (s.length * energy);
    }

    private static String invite(int sipPort, int rtpPort, String callId) {
        String sdp = String.join("\r\n", "v=0", "o=prompt-it 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1",
                "t=0 0", "m=audio " + rtpPort + " RTP/AVP 0", "a=rtpmap:0 PCMU/8000", "a=sendrecv", "");
        return "INVITE sip:prompt-in@127.0.0.1:" + SipCallsIT.SIP_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sipPort + ";branch=z9hG4bK-prompt-1\r\n"
                + "From: <sip:caller@127.0.0.1:" + sipPort + ">;tag=prompt-it\r\n"
                + "To: <sip:prompt-in@127.0.0.1:" + SipCallsIT.SIP_PORT + ">\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:caller@127.0.0.1:" + sipPort + ">\r\nMax-Forwards: 70\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    private static String ack(int sipPort, String callId, String to) {
        return "ACK sip:prompt-in@127.0.0.1:" + SipCallsIT.SIP_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sipPort + ";branch=z9hG4bK-prompt-ack\r\n"
                + "From: <sip:caller@127.0.0.1:" + sipPort + ">;tag=prompt-it\r\n"
                + "To: " + to + "\r\nCall-ID: " + callId + "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** A 200 to a request of the server's (its BYE), with the headers that identify it. */
    private static String okTo(String request) {
        StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String line : request.split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase() : "";
            if (List.of("via", "from", "to", "call-id", "cseq").contains(name)) {
                ok.append(line).append("\r\n");
            }
        }
        return ok.append("Content-Length: 0\r\n\r\n").toString();
    }

    private static String awaitFinal(DatagramSocket sip, String method) throws IOException {
        while (true) {
            String m = next(sip, "a final response to " + method);
            Matcher s = STATUS.matcher(m);
            if (s.find() && Integer.parseInt(s.group(1)) >= 200 && m.contains(" " + method + "\r\n")) {
                return m;
            }
        }
    }

    private static String awaitRequest(DatagramSocket sip, String method) throws IOException {
        while (true) {
            String m = next(sip, method + " from the server");
            if (m.startsWith(method + " ")) {
                return m;
            }
        }
    }

    private static String next(DatagramSocket sip, String what) throws IOException {
        byte[] buf = new byte[8192];
        DatagramPacket d = new DatagramPacket(buf, buf.length);
        try {
            sip.receive(d);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no " + what + " within 10 s");
        }
        return new String(buf, 0, d.getLength(), StandardCharsets.UTF_8);
    }

    private static String status(String response) {
        Matcher m = STATUS.matcher(response);
        return m.find() ? m.group(1) : response;
    }

    private static String header(Pattern p, String message) {
        Matcher m = p.matcher(message);
        if (!m.find()) {
            throw new AssertionError("no " + p + " in " + message);
        }
        return m.group(1).trim();
    }

    private static void send(DatagramSocket s, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                SipCallsIT.SIP_PORT)));
    }
}
