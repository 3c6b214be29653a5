package dev.switchboard.sip.provider;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * Hands out UDP sockets for calls' media on the even ports of a range, round robin. A port that
 * is taken (by another call, another server on the same host, anything) is skipped, so two
 * servers with the same range never fail, they only share it.
 */
final class RtpPorts {
    private final InetAddress address;
    private final int min;
    private final int count;
    private int next;
    /** The sockets handed out and not yet seen closed, for {@link #openPorts()}. */
    private final java.util.Set<DatagramSocket> handedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RtpPorts(InetAddress address, int min, int max) {
        this.address = address;
        this.min = min;
        this.count = (max - min) / 2 + 1;
    }

    /** A bound socket, or an exception when every port of the range is taken. */
    synchronized DatagramSocket open() throws IOException {
        for (int i = 0; i < count; i++) {
            int port = min + 2 * ((next + i) % count);
            try {
                DatagramSocket socket = new DatagramSocket(null);
                try {
                    socket.bind(new InetSocketAddress(address, port));
                } catch (SocketException e) {
                    socket.close();
                    continue;
                }
                next = (next + i + 1) % count;
                handedOut.add(socket);
                return socket;
            } catch (SocketException e) {
                throw new IOException("cannot open a UDP socket: " + e.getMessage(), e);
            }
        }
        throw new IOException("every port of " + min + "-" + (min + 2 * (count - 1)) + " is in use");
    }

    /** How many of the sockets handed out are still open: 0 once every call has ended, or a port leaked. */
    int openPorts() {
        handedOut.removeIf(DatagramSocket::isClosed);
        return handedOut.size();
    }
}
