package dev.switchboard.sip.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes small pcap files for the reader's tests. */
final class PcapBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final boolean nanos;

    PcapBuilder(ByteOrder order, boolean nanos, int linkType) {
        this.order = order;
        this.nanos = nanos;
        out.writeBytes(ByteBuffer.allocate(24).order(order).putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4)
                .putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(linkType).array());
    }

    PcapBuilder frame(long micros, byte[] frame) {
        long fraction = micros % 1_000_000 * (nanos ? 1000 : 1);
        out.writeBytes(ByteBuffer.allocate(16).order(order).putInt((int) (micros / 1_000_000)).putInt((int) fraction)
                .putInt(frame.length).putInt(frame.length).array());
        out.writeBytes(frame);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    /** An IPv4 packet from 10.0.0.1 to 10.0.0.2 carrying UDP (protocol 17) or whatever {@code protocol} says. */
    static byte[] ipv4(int protocol, int flagsAndOffset, int sourcePort, int destinationPort, byte[] payload) {
        int udpLength = 8 + payload.length;
        return ByteBuffer.allocate(20 + udpLength)
                .put((byte) 0x45).put((byte) 0).putShort((short) (20 + udpLength)).putShort((short) 1)
                .putShort((short) flagsAndOffset).put((byte) 64).put((byte) protocol).putShort((short) 0)
                .put(new byte[] {10, 0, 0, 1}).put(new byte[] {10, 0, 0, 2})
                .putShort((short) sourcePort).putShort((short) destinationPort).putShort((short) udpLength)
                .putShort((short) 0).put(payload).array();
    }

    static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        return ipv4(17, 0, sourcePort, destinationPort, payload);
    }

    /** An Ethernet frame; each tag in {@code vlanTags} is inserted as an 802.1Q header. */
    static byte[] ethernet(int etherType, byte[] payload, int... vlanTags) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlanTags.length + payload.length);
        b.put(new byte[12]);
        for (int tag : vlanTags) {
            b.putShort((short) 0x8100).putShort((short) tag);
        }
        return b.putShort((short) etherType).put(payload).array();
    }

    /** A Linux cooked (SLL) frame. */
    static byte[] linuxCooked(byte[] ip) {
        return ByteBuffer.allocate(16 + ip.length).putShort((short) 0).putShort((short) 1).putShort((short) 6)
                .put(new byte[8]).putShort((short) 0x0800).put(ip).array();
    }
}
