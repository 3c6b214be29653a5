package dev.switchboard.it.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A tiny SIP client on 127.0.0.1 for the soak and the mutation run: sends raw datagrams to the
 * listener, and asks it a normal OPTIONS whose 200 proves it still answers.
 */
final class SipProbe implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetAddress server;
    private final int port;

    SipProbe(int serverPort) throws IOException {
        this.server = InetAddress.getLoopbackAddress();
        this.port = serverPort;
        this.socket = new DatagramSocket(0, server);
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void send(byte[] datagram) throws IOException {
        send(datagram, port);
    }

    void send(byte[] datagram, int toPort) throws IOException {
        socket.send(new DatagramPacket(datagram, Math.min(datagram.length, 65_000), server, toPort));
    }

    /**
     * Sends a fresh OPTIONS and returns the status line of the response to it, or null when none came
     * within {@code timeoutMillis} (responses to other requests, such as answers to earlier
     * garbage, are skipped by their Call-ID).
     */
    String options(int timeoutMillis) throws IOException {
        String callId = "probe-" + UUID.randomUUID();
        String host = "127.0.0.1:" + localPort();
        send(("OPTIONS sip:probe@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ";branch=z9hG4bK" + callId + "\r\n"
                + "From: <sip:probe@" + host + ">;tag=p1\r\n"
                + "To: <sip:probe@127.0.0.1:" + port + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] buf = new byte[65_535];
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) left);
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(in);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String text = new String(in.getData(), 0, in.getLength(), StandardCharsets.ISO_8859_1);
            if (text.contains(callId)) {
                return text.lines().findFirst().orElse("");
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
