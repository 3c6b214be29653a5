package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over TLS against real TLS clients: the JDK's (JSSE), jain-sip's own client stack, and
 * openssl s_client. The keys are made by keytool when the tests start.
 */
class SipTlsTest {
    @TempDir
    static Path dir;
    private static TestKeyStores keys;
    private RunningProvider server;
    private int tlsPort;

    @BeforeAll
    static void makeKeys() throws Exception {
        keys = TestKeyStores.create(dir);
    }

    private void start(Map<String, String> extra) throws Exception {
        tlsPort = RunningProvider.freeTcpPort();
        Map<String, String> settings = new HashMap<>(Map.of(SipSettings.TLS_PORT, String.valueOf(tlsPort),
                SipSettings.TLS_KEY_STORE, keys.server().toString(),
                SipSettings.TLS_KEY_STORE_PASSWORD, TestKeyStores.PASSWORD,
                SipSettings.TLS_TRUST_STORE, keys.trust().toString(),
                SipSettings.TLS_TRUST_STORE_PASSWORD, TestKeyStores.PASSWORD));
        settings.putAll(extra);
        server = new RunningProvider(settings);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aJainSipCallerOnSipsAuthenticatesConnectsAndHangsUpOverTls() throws Exception {
        start(Map.of(SipSettings.AUTH_USERS, "alice:s3cret"));
        Properties tls = new Properties();
        tls.setProperty("javax.net.ssl.keyStore", keys.client().toString());
        tls.setProperty("javax.net.ssl.keyStorePassword", TestKeyStores.PASSWORD);
        tls.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        tls.setProperty("javax.net.ssl.trustStore", keys.trust().toString());
        tls.setProperty("javax.net.ssl.trustStorePassword", TestKeyStores.PASSWORD);
        tls.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        tls.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3");
        tls.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", "TLS_AES_128_GCM_SHA256");
        try (JainSipCaller caller = new JainSipCaller("tls", RunningProvider.freeTcpPort(), tls, "alice", "s3cret")) {
            String callId = caller.invite(tlsPort, "fax-in", SipLineProviderTest.AUDIO_OFFER, true);
            caller.response(401, "INVITE");
            caller.response(180, "INVITE");
            assertThat(server.events.next(callId)).isEqualTo("newCall fax-in 0x4");
            server.provider.answer(callId);
            Response ok = caller.response(200, "INVITE");
            assertThat(ok.getHeader("Contact").toString()).as("the dialog stays on TLS")
                    .contains("sips:fax-in@127.0.0.1:" + tlsPort);
            assertThat(server.events.next(callId)).isEqualTo("state CONNECTED");
            caller.ack(ok);
            caller.bye();
            caller.response(200, "BYE");
            assertThat(server.events.next(callId)).isEqualTo("hangup");
        }
    }

    @Test
    void theListenerSpeaksTls13AndTls12() throws Exception {
        start(Map.of());
        for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
            try (TlsClient client = new TlsClient(tlsPort, protocol, keys, null)) {
                assertThat(client.socket.getSession().getProtocol()).isEqualTo(protocol);
                client.send(client.options(tlsPort));
                SipPeer.Message ok = client.read();
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.header("via")).startsWith("SIP/2.0/TLS");
            }
        }
    }

    @Test
    void theUdpListenerAnswersBesideIt() throws Exception {
        start(Map.of());
        try (SipPeer udp = new SipPeer(server.port)) {
            udp.send("OPTIONS", "fax-in", null, null);
            assertThat(udp.finalResponse("OPTIONS").status()).isEqualTo(200);
        }
    }

    @Test
    void aTlsPeerOutsideTheAllowlistGets403AndItsConnectionIsClosed() throws Exception {
        start(Map.of(SipSettings.ALLOWED_PEERS, "192.0.2.0/24"));
        try (TlsClient client = new TlsClient(tlsPort, "TLSv1.3", keys, null)) {
            client.send(client.options(tlsPort));
            assertThat(client.read().status()).isEqualTo(403);
            assertThat(readsEndOfStream(client)).as("the server closed the connection").isTrue();
        }
    }

    @Test
    void withClientAuthNeedOnlyACallerWithATrustedCertificateGetsIn() throws Exception {
        start(Map.of(SipSettings.TLS_CLIENT_AUTH, "need"));
        try (TlsClient client = new TlsClient(tlsPort, "TLSv1.3", keys, keys.client())) {
            client.send(client.options(tlsPort));
            assertThat(client.read().status()).isEqualTo(200);
        }
        // TLS 1.3 reports the missing certificate after the client's side of the handshake: on the first read
        assertThatThrownBy(() -> {
            try (TlsClient anonymous = new TlsClient(tlsPort, "TLSv1.3", keys, null)) {
                anonymous.send(anonymous.options(tlsPort));
                if (anonymous.read() == null) {
                    throw new SocketException("closed without an answer");
                }
            }
        }).isInstanceOfAny(SSLException.class, SocketException.class);
    }

    @Test
    void withClientAuthWantACallerWithoutACertificateGetsInToo() throws Exception {
        start(Map.of(SipSettings.TLS_CLIENT_AUTH, "want"));
        for (java.nio.file.Path clientKeys : java.util.Arrays.asList(null, keys.client())) {
            try (TlsClient client = new TlsClient(tlsPort, "TLSv1.3", keys, clientKeys)) {
                client.send(client.options(tlsPort));
                assertThat(client.read().status()).as("client key " + clientKeys).isEqualTo(200);
            }
        }
    }

    @Test
    void opensslSendsOptionsOverTls13And12AndCannotConnectWithTls11() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        start(Map.of());
        for (String version : List.of("-tls1_3", "-tls1_2")) {
            String out = openssl(version, "", true);
            assertThat(out).as("openssl s_client " + version).contains("SIP/2.0 200 OK");
        }
        // openssl is told to offer TLS 1.1 at its lowest security level, so that the refusal is the server's
        String out = openssl("-tls1_1", "DEFAULT:@SECLEVEL=0", false);
        assertThat(out).doesNotContain("SIP/2.0").containsIgnoringCase("alert protocol version");
    }

    /** Runs openssl s_client with an OPTIONS on stdin; returns what it printed once a response or its end came. */
    private String openssl(String version, String ciphers, boolean expectAnswer) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/openssl", "s_client", "-connect",
                "127.0.0.1:" + tlsPort, version, "-CAfile", keys.serverPem().toString(), "-verify_return_error",
                "-verify_ip", "127.0.0.1", "-quiet"));
        if (!ciphers.isEmpty()) {
            cmd.addAll(List.of("-cipher", ciphers));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String options = "OPTIONS sip:fax-in@127.0.0.1:" + tlsPort + ";transport=tls SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:5999;branch=z9hG4bK-openssl" + version + ";rport\r\n"
                    + "From: <sip:openssl@127.0.0.1>;tag=o1\r\nTo: <sip:fax-in@127.0.0.1>\r\n"
                    + "Call-ID: openssl" + version + "@test\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n";
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readUntilAnswer(p.getInputStream()));
            try {
                p.getOutputStream().write(options.getBytes(StandardCharsets.US_ASCII));
                p.getOutputStream().flush(); // stdin stays open: s_client would end the connection at its end
            } catch (IOException e) {
                // s_client has already given up (the handshake failed); its output says why
            }
            String text = output.get(20, TimeUnit.SECONDS);
            if (!expectAnswer) {
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("openssl gives up").isTrue();
                assertThat(p.exitValue()).isNotZero();
            }
            return text;
        } finally {
            p.destroyForcibly();
        }
    }

    /** Reads until the end of a SIP response's head or the end of the stream. */
    private static String readUntilAnswer(InputStream in) {
        StringBuilder text = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                text.append((char) b);
                if (text.indexOf("SIP/2.0") >= 0 && text.indexOf("\r\n\r\n") >= 0) {
                    break;
                }
            }
        } catch (IOException e) {
            text.append("(read failed: ").append(e).append(')');
        }
        return text.toString();
    }

    private static boolean readsEndOfStream(TlsClient client) throws IOException {
        try {
            return client.read() == null;
        } catch (SocketException | SSLException e) {
            return true; // reset instead of an orderly close: closed all the same
        }
    }
}
