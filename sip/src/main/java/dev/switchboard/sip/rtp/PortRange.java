package dev.switchboard.sip.rtp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/**
 * Hands out datagram channels for calls' media on the even ports of a range (RTP on even ports,
 * RFC 3550 section 11), round robin. A port that is taken (by another call, another server on the
 * same host) is skipped, so two servers with the same range share it instead of failing.
 */
public final class PortRange {

    private final InetAddress address;
    private final int min;
    private final int count;
    private int next;

    public PortRange(InetAddress address, int min, int max) {
        if (min < 1024 || max > 65534 || min > max || min % 2 != 0) {
            throw new IllegalArgumentException("RTP port range must start at an even port from 1024 and end by 65534,"
                    + " was " + min + "-" + max);
        }
        this.address = address;
        this.min = min;
        this.count = (max - min) / 2 + 1;
    }

    /** A channel bound to a free even port of the range. */
    public synchronized DatagramChannel open() throws IOException {
        for (int i = 0; i < count; i++) {
            int port = min + 2 * ((next + i) % count);
            DatagramChannel channel = channelFor(address);
            try {
                channel.bind(new InetSocketAddress(address, port));
                next = (next + i + 1) % count;
                return channel;
            } catch (SocketException e) {
                channel.close(); // taken: try the next one
            }
        }
        throw new IOException("every RTP port of " + min + "-" + (min + 2 * (count - 1)) + " on " + address
                + " is in use");
    }

    /** An unbound channel of the address's family, so an IPv4 address gets a plain IPv4 socket. */
    static DatagramChannel channelFor(InetAddress address) throws IOException {
        return DatagramChannel.open(address instanceof Inet6Address ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET);
    }
}
