package dev.switchboard.sip.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A stream's channel as its sink. Sending and receiving on one channel from two threads is what
 * {@link DatagramChannel} allows; sending from the one port the peer sends to is symmetric RTP.
 */
final class ChannelSink implements DatagramSink {

    private final DatagramChannel channel;
    private final InetSocketAddress local;

    ChannelSink(DatagramChannel channel) throws IOException {
        this.channel = channel;
        this.local = (InetSocketAddress) channel.getLocalAddress();
        if (local == null) {
            throw new IOException("the RTP channel must be bound before a stream is opened on it");
        }
    }

    @Override
    public void send(ByteBuffer packet, InetSocketAddress to) throws IOException {
        channel.send(packet, to); // non-blocking: a full socket buffer drops the packet, as UDP would
    }

    @Override
    public InetSocketAddress local() {
        return local;
    }
}
