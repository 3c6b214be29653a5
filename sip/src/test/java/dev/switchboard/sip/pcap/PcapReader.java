package dev.switchboard.sip.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UDP datagrams of a classic libpcap file, so tests can feed captured RTP to the
 * media classes. Both byte orders and both timestamp resolutions (µs and ns) are read; the
 * link types are Ethernet (with 802.1Q tags), Linux cooked (SLL and SLL2) and raw IPv4.
 * IPv4 fragments and anything that is not UDP over IPv4 are skipped. pcapng is refused
 * with a message saying so: convert with {@code editcap -F pcap}.
 */
public final class PcapReader {

    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_LINUX_SLL2 = 276;
    private static final int ETHERTYPE_IPV4 = 0x0800;

    private PcapReader() {
    }

    public static List<UdpDatagram> readUdp(Path file) throws IOException {
        return readUdp(Files.readAllBytes(file), file.toString());
    }

    /** Reads a capture held in memory; {@code name} is used in error messages. */
    public static List<UdpDatagram> readUdp(byte[] bytes, String name) throws IOException {
        if (bytes.length < 24) {
            throw new IOException(name + ": " + bytes.length + " bytes is too short for a pcap header");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buf.getInt(0);
        boolean nanos;
        switch (magic) {
            case 0xa1b2c3d4 -> nanos = false;
            case 0xa1b23c4d -> nanos = true;
            case 0xd4c3b2a1, 0x4d3cb2a1 -> {
                buf.order(ByteOrder.BIG_ENDIAN);
                nanos = magic == 0x4d3cb2a1;
            }
            case 0x0a0d0d0a -> throw new IOException(name + ": pcapng is not supported; convert with editcap -F pcap");
            default -> throw new IOException(name + ": not a pcap file (magic 0x" + Integer.toHexString(magic) + ")");
        }
        int linkType = buf.getInt(20) & 0x0FFFFFFF; // the top bits may carry FCS information
        List<UdpDatagram> out = new ArrayList<>();
        int at = 24;
        while (at < bytes.length) {
            if (at + 16 > bytes.length) {
                throw new IOException(name + ": truncated record header at offset " + at);
            }
            long seconds = buf.getInt(at) & 0xFFFFFFFFL;
            long fraction = buf.getInt(at + 4) & 0xFFFFFFFFL;
            int captured = buf.getInt(at + 8);
            if (captured < 0 || at + 16 + captured > bytes.length) {
                throw new IOException(name + ": record at offset " + at + " claims " + captured
                        + " bytes but the file ends first");
            }
            long micros = seconds * 1_000_000 + (nanos ? fraction / 1000 : fraction);
            int ip = ipOffset(bytes, at + 16, captured, linkType, name);
            if (ip >= 0) {
                Ipv4.udp(bytes, ip, at + 16 + captured, micros).ifPresent(out::add);
            }
            at += 16 + captured;
        }
        return out;
    }

    /** Where the IPv4 header of a frame starts, or -1 when the frame does not carry IPv4. */
    private static int ipOffset(byte[] b, int frame, int len, int linkType, String name) throws IOException {
        int end = frame + len;
        switch (linkType) {
            case LINKTYPE_ETHERNET -> {
                int typeAt = frame + 12;
                while (typeAt + 2 <= end && (u16(b, typeAt) == 0x8100 || u16(b, typeAt) == 0x88a8)) {
                    typeAt += 4; // an 802.1Q or 802.1ad tag
                }
                return typeAt + 2 <= end && u16(b, typeAt) == ETHERTYPE_IPV4 ? typeAt + 2 : -1;
            }
            case LINKTYPE_LINUX_SLL -> {
                return len >= 16 && u16(b, frame + 14) == ETHERTYPE_IPV4 ? frame + 16 : -1;
            }
            case LINKTYPE_LINUX_SLL2 -> {
                return len >= 20 && u16(b, frame) == ETHERTYPE_IPV4 ? frame + 20 : -1;
            }
            case LINKTYPE_RAW, LINKTYPE_IPV4 -> {
                return len >= 1 && (b[frame] & 0xF0) == 0x40 ? frame : -1;
            }
            default -> throw new IOException(name + ": link type " + linkType
                    + " is not supported (Ethernet 1, raw 101/228, Linux cooked 113/276)");
        }
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
