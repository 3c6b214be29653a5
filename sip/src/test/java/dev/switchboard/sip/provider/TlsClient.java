package dev.switchboard.sip.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS client from the JDK (JSSE) that speaks raw SIP text over one connection: it checks the
 * server's certificate against the test trust store and its name (127.0.0.1) as HTTPS would.
 */
final class TlsClient implements AutoCloseable {
    final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    /** @param clientKeys the client's own key and certificate, or null for none */
    TlsClient(int port, String protocol, TestKeyStores keys, Path clientKeys) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(keys.trust()));
        KeyManagerFactory kmf = null;
        if (clientKeys != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(clientKeys), TestKeyStores.PASSWORD.toCharArray());
        }
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        socket.setEnabledProtocols(new String[] {protocol});
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream s = Files.newInputStream(file)) {
            ks.load(s, TestKeyStores.PASSWORD.toCharArray());
        }
        return ks;
    }

    /** An OPTIONS request over this connection, as text. */
    String options(int serverPort) {
        return "OPTIONS sip:fax-in@127.0.0.1:" + serverPort + ";transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + UUID.randomUUID()
                + ";rport\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=p1\r\n"
                + "To: <sip:fax-in@127.0.0.1>\r\n"
                + "Call-ID: " + UUID.randomUUID() + "@tls-probe\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next message on the connection (head and Content-Length body), or null when the server closed it. */
    SipPeer.Message read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        SipPeer.Message m = SipPeer.Message.parse(head.toString(StandardCharsets.UTF_8));
        String length = m.header("content-length");
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length.trim()));
        return SipPeer.Message.parse(head.toString(StandardCharsets.UTF_8) + new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
