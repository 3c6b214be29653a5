package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.RtpFormatException;
import dev.switchboard.sip.media.RtpPacket;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what a stream sends, parsed, with where it went. */
final class SentPackets implements DatagramSink {

    record Sent(RtpPacket packet, InetSocketAddress to) {
    }

    final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized void send(ByteBuffer packet, InetSocketAddress to) {
        byte[] copy = new byte[packet.remaining()];
        packet.get(copy);
        try {
            sent.add(new Sent(RtpPacket.parse(copy), to));
        } catch (RtpFormatException e) {
            throw new UncheckedIOException(new java.io.IOException("the stream sent a malformed packet: " + e));
        }
    }

    synchronized List<RtpPacket> packets() {
        return sent.stream().map(Sent::packet).toList();
    }

    synchronized RtpPacket last() {
        return sent.get(sent.size() - 1).packet();
    }

    synchronized int size() {
        return sent.size();
    }

    synchronized void clear() {
        sent.clear();
    }

    /** The audio of every packet of {@code payloadType}, decoded with {@code law}, end to end. */
    synchronized short[] decoded(G711 law, int payloadType) {
        List<RtpPacket> audio = packets().stream().filter(p -> p.payloadType() == payloadType).toList();
        short[] pcm = new short[audio.stream().mapToInt(RtpPacket::payloadLength).sum()];
        int at = 0;
        for (RtpPacket p : audio) {
            law.decode(p.buffer(), p.payloadOffset(), pcm, at, p.payloadLength());
            at += p.payloadLength();
        }
        return pcm;
    }

    static List<RtpPacket> ofType(List<RtpPacket> packets, int payloadType) {
        return new ArrayList<>(packets.stream().filter(p -> p.payloadType() == payloadType).toList());
    }
}
