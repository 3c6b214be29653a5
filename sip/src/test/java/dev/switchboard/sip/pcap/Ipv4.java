package dev.switchboard.sip.pcap;

import java.util.Arrays;
import java.util.Optional;

/** The IPv4 and UDP headers of one captured frame. */
final class Ipv4 {

    private static final int UDP = 17;

    private Ipv4() {
    }

    /** The UDP datagram in the IPv4 packet at {@code ip}, bounded by {@code end}; empty when there is none. */
    static Optional<UdpDatagram> udp(byte[] b, int ip, int end, long micros) {
        if (ip + 20 > end || (b[ip] & 0xF0) != 0x40) {
            return Optional.empty();
        }
        int headerLength = (b[ip] & 0x0F) * 4;
        int totalLength = PcapReader.u16(b, ip + 2);
        int flagsAndOffset = PcapReader.u16(b, ip + 6);
        boolean fragment = (flagsAndOffset & 0x2000) != 0 || (flagsAndOffset & 0x1FFF) != 0;
        // The total length, not the frame, bounds the packet: Ethernet pads short frames.
        int packetEnd = Math.min(end, ip + totalLength);
        if (b[ip + 9] != UDP || fragment || headerLength < 20 || ip + headerLength + 8 > packetEnd) {
            return Optional.empty();
        }
        int udp = ip + headerLength;
        int udpLength = PcapReader.u16(b, udp + 4);
        if (udpLength < 8 || udp + udpLength > packetEnd) {
            return Optional.empty();
        }
        return Optional.of(new UdpDatagram(micros, address(b, ip + 12), PcapReader.u16(b, udp),
                address(b, ip + 16), PcapReader.u16(b, udp + 2),
                Arrays.copyOfRange(b, udp + 8, udp + udpLength)));
    }

    private static String address(byte[] b, int at) {
        return (b[at] & 0xFF) + "." + (b[at + 1] & 0xFF) + "." + (b[at + 2] & 0xFF) + "." + (b[at + 3] & 0xFF);
    }
}
