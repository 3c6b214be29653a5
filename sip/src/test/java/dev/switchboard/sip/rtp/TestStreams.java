package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Tone;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** Streams without a network: packets go to a {@link SentPackets}, time goes by {@link #packetTimes}. */
final class TestStreams {

    static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);
    static final Executor DIRECT = Runnable::run;
    static final int TICK = 10;

    private TestStreams() {
    }

    static RtpStream stream(StreamSettings settings, SentPackets sink) {
        return new RtpStream("call-test", settings, sink, TICK, DIRECT, closing -> { });
    }

    static RtpStream stream(G711 law, SentPackets sink) {
        return stream(StreamSettings.of(law).withRemote(PEER), sink);
    }

    /** Lets {@code n} packet times pass: as many engine ticks as that takes. */
    static void packetTimes(RtpStream stream, int n) {
        int ticks = n * stream.settings().ptimeMillis() / TICK;
        for (int i = 0; i < ticks; i++) {
            stream.onTick();
        }
    }

    /** One packet time of a tone per packet, encoded in {@code law}, as a peer would send it. */
    static List<byte[]> tonePackets(Tone tone, G711 law, int payloadType, int packets, int sequence, long timestamp) {
        var source = tone.open();
        List<byte[]> out = new ArrayList<>();
        short[] pcm = new short[160];
        for (int i = 0; i < packets; i++) {
            java.util.Arrays.fill(pcm, (short) 0);
            source.read(pcm, 0, 160);
            byte[] payload = new byte[160];
            law.encode(pcm, 0, payload, 0, 160);
            out.add(packet(payloadType, i == 0, sequence + i, timestamp + 160L * i, 0xCAFEL, payload));
        }
        return out;
    }

    static byte[] packet(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {
        byte[] p = new byte[12 + payload.length];
        p[0] = (byte) 0x80;
        p[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        p[2] = (byte) (sequence >> 8);
        p[3] = (byte) sequence;
        for (int i = 0; i < 4; i++) {
            p[4 + i] = (byte) (timestamp >> (24 - 8 * i));
            p[8 + i] = (byte) (ssrc >> (24 - 8 * i));
        }
        System.arraycopy(payload, 0, p, 12, payload.length);
        return p;
    }

    static void receive(RtpStream stream, byte[] datagram) {
        stream.receive(datagram, datagram.length, PEER);
    }
}
