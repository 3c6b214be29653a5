package dev.switchboard.sip.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Where a stream's packets go: its datagram channel, or a list in a test. */
@FunctionalInterface
interface DatagramSink {

    void send(ByteBuffer packet, InetSocketAddress to) throws IOException;

    /** The local address packets leave from (and arrive at); null when there is no socket. */
    default InetSocketAddress local() {
        return null;
    }
}
