package dev.switchboard.sip.provider;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A SIP caller on raw UDP, so tests control every byte (malformed messages included). It keeps
 * one dialog: its Call-ID, its From tag and the To tag learnt from the first response with one.
 * Waits are bounded receives on the socket, never sleeps.
 */
final class SipPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final List<Message> unread = new ArrayList<>();
    final String callId = UUID.randomUUID() + "@test";
    private final String fromTag = "f" + Long.toHexString(System.nanoTime());
    private String toTag = "";
    private int cseq;
    private int branch;

    /** A parsed SIP message: first line, headers (lower-case names, first value), body. */
    record Message(String firstLine, java.util.Map<String, String> headers, String body, String raw) {
        boolean isResponse() {
            return firstLine.startsWith("SIP/2.0");
        }

        int status() {
            return isResponse() ? Integer.parseInt(firstLine.split(" ")[1]) : 0;
        }

        String method() {
            return isResponse() ? headers.get("cseq").split(" ")[1] : firstLine.split(" ")[0];
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        static Message parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            String[] lines = head.split("\r\n");
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new Message(lines[0], headers, body, raw);
        }
    }

    SipPeer(int serverPort) throws IOException {
        this(serverPort, InetAddress.getLoopbackAddress());
    }

    /** A caller on another local address (127.0.0.2, ...): another source for admission control. */
    SipPeer(int serverPort, InetAddress local) throws IOException {
        this.socket = new DatagramSocket(0, local);
        this.socket.setSoTimeout(5000);
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Sends raw text (CRLF line ends are the caller's business). */
    void sendRaw(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, server));
    }

    /** Sends a request of this peer's dialog; returns the CSeq number used. */
    int send(String method, String user, String contentType, String body) throws IOException {
        return send(method, user, contentType, body, new String[0]);
    }

    /** Sends a request with extra header lines ({@code "Session-Expires: 90"}); returns the CSeq number used. */
    int send(String method, String user, String contentType, String body, String... headers) throws IOException {
        int n = method.equals("ACK") || method.equals("CANCEL") ? cseq : ++cseq;
        String extra = headers.length == 0 ? "" : String.join("\r\n", headers) + "\r\n";
        sendRaw(request(method, user, n, contentType, body).replaceFirst("Max-Forwards: 70\r\n",
                "Max-Forwards: 70\r\n" + java.util.regex.Matcher.quoteReplacement(extra)));
        return n;
    }

    /** Forgets the To tag learnt from a final error, so that the next INVITE starts a dialog again (after a 401). */
    void forgetToTag() {
        toTag = "";
    }

    /** Whether any datagram arrives within {@code millis}: for "nothing is sent", after the server has acted. */
    boolean receivesAnythingWithin(int millis) throws IOException {
        return receivesWithin(millis, m -> true);
    }

    /**
     * Whether a message matching {@code wanted} is unread or arrives within {@code millis}; anything
     * else that arrives meanwhile is kept unread. For "this is not sent again".
     */
    boolean receivesWithin(int millis, Predicate<Message> wanted) throws IOException {
        long end = System.nanoTime() + millis * 1_000_000L;
        int before = socket.getSoTimeout();
        try {
            while (!hasUnread(wanted)) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) left);
                DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    return false;
                }
                unread.add(Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)));
            }
            return true;
        } finally {
            socket.setSoTimeout(before);
        }
    }

    /** The text of this dialog's next request (its CSeq counted), for a test to alter before {@link #sendRaw}. */
    String next(String method, String user, String contentType, String body) {
        return request(method, user, ++cseq, contentType, body);
    }

    /** The ACK of a final error to the first INVITE: same branch as the INVITE (RFC 3261 17.1.1.3). */
    void ackError(String user) throws IOException {
        sendRaw(request("ACK", user, 1, null, null).replaceFirst("branch=[^\\r]+", "branch=" + firstBranch()));
    }

    private String firstBranch() {
        return "z9hG4bK-" + Integer.toHexString(callId.hashCode()) + "-1";
    }

    String request(String method, String user, int n, String contentType, String body) {
        boolean first = method.equals("CANCEL") || method.equals("INVITE") && n == 1;
        String b = first ? firstBranch() : "z9hG4bK-" + Integer.toHexString(callId.hashCode()) + "-" + (++branch + 1);
        String content = body == null ? "" : body;
        return method + " sip:" + user + "@127.0.0.1:" + server.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=" + b + "\r\n"
                + "From: <sip:caller@127.0.0.1:" + port() + ">;tag=" + fromTag + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1:" + server.getPort() + ">" + (toTag.isEmpty() || first ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + n + " " + method + "\r\n"
                + "Contact: <sip:caller@127.0.0.1:" + port() + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + content.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + content;
    }

    /** The next message matching {@code wanted}; others are kept for later calls. Fails after 5 s. */
    Message expect(Predicate<Message> wanted, String what) throws IOException {
        for (int i = 0; i < unread.size(); i++) {
            if (wanted.test(unread.get(i))) {
                return learn(unread.remove(i));
            }
        }
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no " + what + " within 5 s; unread: " + unread.stream().map(Message::firstLine).toList());
            }
            Message m = Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            if (wanted.test(m)) {
                return learn(m);
            }
            unread.add(m);
        }
    }

    /** The final response to {@code method} (1xx are skipped). */
    Message finalResponse(String method) throws IOException {
        return expect(m -> m.isResponse() && m.status() >= 200 && m.method().equals(method), "final response to " + method);
    }

    Message response(int status, String method) throws IOException {
        return expect(m -> m.isResponse() && m.status() == status && m.method().equals(method), status + " to " + method);
    }

    /** Whether a message matching {@code p} has been received and not read yet. */
    boolean hasUnread(Predicate<Message> p) {
        return unread.stream().anyMatch(p);
    }

    private Message learn(Message m) {
        if (m.isResponse() && toTag.isEmpty()) {
            String to = m.header("to");
            int i = to == null ? -1 : to.indexOf(";tag=");
            if (i >= 0) {
                toTag = to.substring(i + 5).split("[;>]")[0];
            }
        }
        return m;
    }

    /** Answers a request from the server (its BYE) with 200, copying the headers that identify it. */
    void ok(Message request) throws IOException {
        sendRaw("SIP/2.0 200 OK\r\nVia: " + request.header("via") + "\r\nFrom: " + request.header("from")
                + "\r\nTo: " + request.header("to") + "\r\nCall-ID: " + request.header("call-id")
                + "\r\nCSeq: " + request.header("cseq") + "\r\nContent-Length: 0\r\n\r\n");
    }

    /** Answers a request from the server (its re-INVITE or UPDATE) with {@code status}, extra headers and an SDP body or none. */
    void reply(Message request, int status, String sdp, String... headers) throws IOException {
        String body = sdp == null ? "" : sdp;
        StringBuilder r = new StringBuilder("SIP/2.0 " + status + " " + (status == 200 ? "OK" : "Whatever") + "\r\n")
                .append("Via: ").append(request.header("via")).append("\r\n")
                .append("From: ").append(request.header("from")).append("\r\n")
                .append("To: ").append(request.header("to")).append("\r\n")
                .append("Call-ID: ").append(request.header("call-id")).append("\r\n")
                .append("CSeq: ").append(request.header("cseq")).append("\r\n")
                .append("Contact: <sip:caller@127.0.0.1:").append(port()).append(">\r\n");
        for (String h : headers) {
            r.append(h).append("\r\n");
        }
        if (sdp != null) {
            r.append("Content-Type: application/sdp\r\n");
        }
        r.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body);
        sendRaw(r.toString());
    }

    /**
     * Fails if a message matching {@code unwanted} arrives within {@code window}: a bounded receive on
     * the socket, also used to let time pass while listening. Other messages are kept for later.
     */
    void expectNone(Predicate<Message> unwanted, java.time.Duration window, String what) throws IOException {
        for (Message m : unread) {
            if (unwanted.test(m)) {
                throw new AssertionError("unexpected " + what + ": " + m.firstLine());
            }
        }
        long end = System.nanoTime() + window.toNanos();
        byte[] buf = new byte[65535];
        try {
            while (true) {
                long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                socket.setSoTimeout((int) left);
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    return;
                }
                Message m = Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                if (unwanted.test(m)) {
                    throw new AssertionError("unexpected " + what + " within " + window + ": " + m.firstLine());
                }
                unread.add(m);
            }
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    /** The next request of {@code method} from the server. */
    Message request(String method) throws IOException {
        return expect(m -> !m.isResponse() && m.method().equals(method), method + " from the server");
    }

    /** Sends a UDP datagram (RTP) to {@code port} on the server's address. */
    void sendMedia(int port, byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress(server.getAddress(), port)));
    }

    @Override
    public void close() {
        socket.close();
    }
}
