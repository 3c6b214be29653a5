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
import java.util.function.Predicate;

/**
 * The far end of a call the provider places, on raw UDP so that tests write every response
 * byte for byte: it receives the provider's requests and answers them, and can send requests of
 * its own in the dialog (BYE). Waits are bounded receives, never sleeps.
 */
final class SipCallee implements AutoCloseable {
    private final DatagramSocket socket;
    /** Where the provider's requests come from, learnt from the first one; responses and requests go there. */
    private InetSocketAddress provider;
    private final List<SipPeer.Message> unread = new ArrayList<>();
    final String tag = "callee" + Long.toHexString(System.nanoTime());
    private int cseq = 100;
    private int branch;

    SipCallee() throws IOException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    int port() {
        return socket.getLocalPort();
    }

    /** This far end's address for {@code user}, a destination for makeCall. */
    String uri(String user) {
        return "sip:" + user + "@127.0.0.1:" + port();
    }

    /** The next message matching {@code wanted}; others wait for later calls. Fails after {@code seconds}. */
    SipPeer.Message expect(Predicate<SipPeer.Message> wanted, String what, int seconds) throws IOException {
        for (int i = 0; i < unread.size(); i++) {
            if (wanted.test(unread.get(i))) {
                return unread.remove(i);
            }
        }
        socket.setSoTimeout(seconds * 1000);
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no " + what + " within " + seconds + " s; unread: "
                        + unread.stream().map(SipPeer.Message::firstLine).toList());
            }
            provider = (InetSocketAddress) p.getSocketAddress();
            SipPeer.Message m = SipPeer.Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            if (wanted.test(m)) {
                return m;
            }
            unread.add(m);
        }
    }

    /** The next request of {@code method} from the provider. */
    SipPeer.Message request(String method) throws IOException {
        return expect(m -> !m.isResponse() && m.method().equals(method), method + " from the provider", 5);
    }

    /** Whether a request of {@code method} arrives within {@code millis} (a bounded receive, for "nothing comes"). */
    boolean receivesWithin(String method, int millis) throws IOException {
        if (unread.stream().anyMatch(m -> !m.isResponse() && m.method().equals(method))) {
            return true;
        }
        socket.setSoTimeout(millis);
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return false;
            }
            provider = (InetSocketAddress) p.getSocketAddress();
            SipPeer.Message m = SipPeer.Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            unread.add(m);
            if (!m.isResponse() && m.method().equals(method)) {
                return true;
            }
        }
    }

    SipPeer.Message response(int status, String method) throws IOException {
        return expect(m -> m.isResponse() && m.status() == status && m.method().equals(method),
                status + " to " + method, 5);
    }

    /** Answers {@code request}; a To tag goes on every response but 100, a Contact on INVITE's 1xx and 2xx. */
    void reply(SipPeer.Message request, int status, String reason, String extraHeaders, String contentType,
               String body) throws IOException {
        String to = request.header("to");
        if (status > 100 && !to.contains(";tag=")) {
            to += ";tag=" + tag;
        }
        boolean contact = request.method().equals("INVITE") && status > 100 && status < 300;
        String content = body == null ? "" : body;
        send("SIP/2.0 " + status + " " + reason + "\r\n"
                + "Via: " + request.header("via") + "\r\n"
                + "From: " + request.header("from") + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + request.header("call-id") + "\r\n"
                + "CSeq: " + request.header("cseq") + "\r\n"
                + (contact ? "Contact: <sip:callee@127.0.0.1:" + port() + ">\r\n" : "")
                + (extraHeaders == null ? "" : extraHeaders)
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + content.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + content);
    }

    void reply(SipPeer.Message request, int status, String reason) throws IOException {
        reply(request, status, reason, null, null, null);
    }

    /** Sends a request in the dialog the provider's {@code invite} began (as its answerer), to its Contact. */
    void sendInDialog(SipPeer.Message invite, String method, String extraHeaders) throws IOException {
        String contact = invite.header("contact");
        String target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        send(method + " " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK-callee-" + (++branch) + "\r\n"
                + "From: " + invite.header("to") + (invite.header("to").contains(";tag=") ? "" : ";tag=" + tag) + "\r\n"
                + "To: " + invite.header("from") + "\r\n"
                + "Call-ID: " + invite.header("call-id") + "\r\n"
                + "CSeq: " + (++cseq) + " " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + (extraHeaders == null ? "" : extraHeaders)
                + "Content-Length: 0\r\n\r\n");
    }

    void send(String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, provider));
    }

    @Override
    public void close() {
        socket.close();
    }
}
