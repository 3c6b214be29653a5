package dev.switchboard.sip.provider;

import dev.switchboard.sip.media.G711;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The caller's media side in the provider's tests: a UDP socket on loopback that the caller's SDP
 * points at, so the test sees every RTP packet the provider sends (with its arrival time) and can
 * send RTP back from it. Reads are bounded receives, never sleeps.
 */
final class RtpPeer implements AutoCloseable {
    private final DatagramSocket socket;

    /** One received RTP packet, and when it arrived ({@link System#nanoTime}). */
    record Packet(long arrivalNanos, boolean marker, int payloadType, int sequence, long timestamp, long ssrc,
                  byte[] payload, byte[] datagram) {
        /** The payload as linear samples, for an audio packet in {@code law}. */
        short[] samples(G711 law) {
            short[] s = new short[payload.length];
            law.decode(payload, 0, s, 0, payload.length);
            return s;
        }
    }

    RtpPeer() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(5000);
        socket.setReceiveBufferSize(1 << 20);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** An SDP offer of PCMU, PCMA and telephone-event 101 whose audio comes here. */
    String offer() {
        return offer("0 8 101", "sendrecv");
    }

    /** An SDP offer with these payload types ({@code "8 0 101"}) and direction, whose audio comes here. */
    String offer(String payloadTypes, String direction) {
        return String.join("\r\n", "v=0", "o=caller 1 " + System.nanoTime() + " IN IP4 127.0.0.1", "s=-",
                "c=IN IP4 127.0.0.1", "t=0 0", "m=audio " + port() + " RTP/AVP " + payloadTypes,
                "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-16", "a=" + direction, "");
    }

    /** The next packet; fails after {@code millis} without one. */
    Packet next(int millis) throws IOException {
        Packet p = poll(millis);
        if (p == null) {
            throw new AssertionError("no RTP within " + millis + " ms on port " + port());
        }
        return p;
    }

    /** The next packet, or null when none comes within {@code millis}. */
    Packet poll(int millis) throws IOException {
        socket.setSoTimeout(millis);
        byte[] buf = new byte[2048];
        DatagramPacket d = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(d);
        } catch (SocketTimeoutException e) {
            return null;
        }
        long at = System.nanoTime();
        ByteBuffer b = ByteBuffer.wrap(buf, 0, d.getLength());
        int first = b.get() & 0xFF;
        int second = b.get() & 0xFF;
        int seq = b.getShort() & 0xFFFF;
        long ts = b.getInt() & 0xFFFFFFFFL;
        long ssrc = b.getInt() & 0xFFFFFFFFL;
        b.position(12 + 4 * (first & 0x0F));
        byte[] payload = Arrays.copyOfRange(buf, b.position(), d.getLength());
        return new Packet(at, (second & 0x80) != 0, second & 0x7F, seq, ts, ssrc, payload,
                Arrays.copyOf(buf, d.getLength()));
    }

    /** The next {@code n} packets, read back to back so that their arrival times are true. */
    List<Packet> take(int n) throws IOException {
        List<Packet> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next(2000));
        }
        return out;
    }

    /** Reads packets until one matches; those before it are dropped. Fails after {@code millis}. */
    Packet until(Predicate<Packet> wanted, int millis, String what) throws IOException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            Packet p = poll(Math.max(1, (int) ((end - System.nanoTime()) / 1_000_000)));
            if (p != null && wanted.test(p)) {
                return p;
            }
        }
        throw new AssertionError("no " + what + " within " + millis + " ms");
    }

    /** Reads packets for {@code millis}; the list of what came. */
    List<Packet> during(int millis) throws IOException {
        List<Packet> out = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return out;
            }
            Packet p = poll((int) left);
            if (p != null) {
                out.add(p);
            }
        }
    }

    /** A packet to send: {@code payload} on {@code payloadType}, from SSRC 0x5EED. */
    static byte[] packet(int payloadType, int sequence, long timestamp, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) payloadType).putShort((short) sequence).putInt((int) timestamp).putInt(0x5EED)
                .put(payload);
        return b.array();
    }

    /** Sends {@code samples} as PCMU packets of 20 ms each, back to back, to the provider's {@code port}. */
    void sendAudio(int port, short[] samples, int firstSequence) throws IOException {
        for (int i = 0; i + 160 <= samples.length; i += 160) {
            byte[] payload = new byte[160];
            G711.ULAW.encode(samples, i, payload, 0, 160);
            send(port, packet(0, firstSequence + i / 160, i, payload));
        }
    }

    /** Sends a datagram from this socket to {@code port} on loopback (the provider's RTP port). */
    void send(int port, byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    @Override
    public void close() {
        socket.close();
    }
}
