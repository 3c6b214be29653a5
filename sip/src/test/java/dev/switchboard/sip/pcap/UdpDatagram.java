package dev.switchboard.sip.pcap;

/** One UDP datagram from a capture, with the capture time in microseconds since the epoch. */
public record UdpDatagram(long timestampMicros, String source, int sourcePort,
                          String destination, int destinationPort, byte[] payload) {
}
