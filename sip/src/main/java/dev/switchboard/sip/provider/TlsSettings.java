package dev.switchboard.sip.provider;

import static dev.switchboard.sip.provider.SipSettings.TLS_CLIENT_AUTH;
import static dev.switchboard.sip.provider.SipSettings.TLS_KEY_STORE;
import static dev.switchboard.sip.provider.SipSettings.TLS_KEY_STORE_PASSWORD;
import static dev.switchboard.sip.provider.SipSettings.TLS_KEY_STORE_TYPE;
import static dev.switchboard.sip.provider.SipSettings.TLS_PORT;
import static dev.switchboard.sip.provider.SipSettings.TLS_TRUST_STORE;
import static dev.switchboard.sip.provider.SipSettings.TLS_TRUST_STORE_PASSWORD;
import static dev.switchboard.sip.provider.SipSettings.TLS_TRUST_STORE_TYPE;

import dev.switchboard.core.spi.SettingsReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * SIP over TLS: a second listening point, transport {@code tls}, on {@code sipTlsPort} (unset =
 * no TLS), TLS 1.3 and 1.2 only, with the server's key and the certificates it trusts read from
 * PKCS12 (or another keystore type) files. jain-sip's OIO TLS processor takes them through its
 * {@code javax.net.ssl.*} stack properties (it builds the SSLContext itself in SslNetworkLayer);
 * this record supplies them, the protocols and cipher suites, the client-certificate policy and a
 * handshake timeout, and reads both files once before the stack does, because the stack only
 * logs a keystore it cannot read and then has no TLS at all.
 *
 * @param port 0 when TLS is off
 */
public record TlsSettings(int port, String keyStore, String keyStorePassword, String keyStoreType,
                          String trustStore, String trustStorePassword, String trustStoreType,
                          ClientAuth clientAuth) {

    /** TLS 1.2 and 1.3; nothing older. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** How long a peer has to finish its handshake before the stack closes the connection. */
    static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    /** Whether the TLS listener asks callers for a certificate. */
    public enum ClientAuth {
        NONE("Disabled"), WANT("Want"), NEED("Enabled");

        /** jain-sip's name (gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE). */
        private final String stackValue;

        ClientAuth(String stackValue) {
            this.stackValue = stackValue;
        }
    }

    boolean enabled() {
        return port > 0;
    }

    static TlsSettings from(SettingsReader read, String transport, int sipPort) {
        String portText = read.textOrEmpty(TLS_PORT, "");
        String keyStore = read.textOrEmpty(TLS_KEY_STORE, "");
        String keyStorePassword = read.textOrEmpty(TLS_KEY_STORE_PASSWORD, "");
        String keyStoreType = read.text(TLS_KEY_STORE_TYPE, SipSettings.DEFAULT_TLS_KEY_STORE_TYPE);
        String trustStore = read.textOrEmpty(TLS_TRUST_STORE, "");
        String trustStorePassword = read.textOrEmpty(TLS_TRUST_STORE_PASSWORD, "");
        String trustStoreType = read.text(TLS_TRUST_STORE_TYPE, SipSettings.DEFAULT_TLS_TRUST_STORE_TYPE);
        String authText = read.text(TLS_CLIENT_AUTH, SipSettings.DEFAULT_TLS_CLIENT_AUTH);
        ClientAuth auth;
        try {
            auth = ClientAuth.valueOf(authText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TLS_CLIENT_AUTH + " '" + authText + "' must be none, want or need");
        }
        if (portText.isEmpty()) {
            if (!keyStore.isEmpty() || !trustStore.isEmpty()) {
                throw new IllegalArgumentException(TLS_KEY_STORE + " or " + TLS_TRUST_STORE + " is set but "
                        + TLS_PORT + " is not: set " + TLS_PORT + " to listen for SIP over TLS");
            }
            return new TlsSettings(0, "", "", keyStoreType, "", "", trustStoreType, auth);
        }
        int port = read.wholeNumber(TLS_PORT, "", 1, 65535);
        if (port == sipPort && transport.equals("tcp")) {
            throw new IllegalArgumentException(TLS_PORT + " " + port + " is also " + SipSettings.PORT
                    + " with transport tcp; TLS needs a TCP port of its own (5061 by convention)");
        }
        if (keyStore.isEmpty() || keyStorePassword.isEmpty()) {
            throw new IllegalArgumentException(TLS_PORT + " is set, so " + TLS_KEY_STORE + " (the server's key and"
                    + " certificate) and " + TLS_KEY_STORE_PASSWORD + " must be set too");
        }
        if (trustStore.isEmpty()) {
            throw new IllegalArgumentException(TLS_PORT + " is set, so " + TLS_TRUST_STORE + " (the certificates"
                    + " trusted for callers' and peers' certificates) must be set too");
        }
        return new TlsSettings(port, keyStore, keyStorePassword, keyStoreType, trustStore,
                trustStorePassword.isEmpty() ? keyStorePassword : trustStorePassword, trustStoreType, auth);
    }

    /**
     * Reads both stores as the stack will, so that a wrong path, password or type stops the
     * provider with the property's name instead of leaving it without TLS.
     */
    void check() {
        if (!enabled()) {
            return;
        }
        KeyStore keys = load(TLS_KEY_STORE, keyStore, TLS_KEY_STORE_TYPE, keyStoreType, TLS_KEY_STORE_PASSWORD,
                keyStorePassword);
        try {
            boolean hasKey = false;
            for (String alias : Collections.list(keys.aliases())) {
                hasKey |= keys.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IllegalArgumentException(TLS_KEY_STORE + " '" + keyStore + "' holds no private key");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(TLS_KEY_STORE + " '" + keyStore + "' cannot be listed: " + e, e);
        }
        KeyStore trusted = load(TLS_TRUST_STORE, trustStore, TLS_TRUST_STORE_TYPE, trustStoreType,
                TLS_TRUST_STORE_PASSWORD, trustStorePassword);
        try {
            if (trusted.size() == 0) {
                throw new IllegalArgumentException(TLS_TRUST_STORE + " '" + trustStore + "' holds no certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(TLS_TRUST_STORE + " '" + trustStore + "' cannot be listed: " + e, e);
        }
    }

    private static KeyStore load(String property, String file, String typeProperty, String type,
                                 String passwordProperty, String password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(typeProperty + " '" + type + "' is not a keystore type of this Java"
                    + " runtime", e);
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // a wrong password shows as an IOException whose cause is UnrecoverableKeyException
            throw new IllegalArgumentException(property + " '" + file + "' cannot be read as " + type + " with "
                    + passwordProperty + ": " + e.getMessage(), e);
        }
    }

    /** The stack properties that turn on jain-sip's TLS with these settings; none when TLS is off. */
    void addStackProperties(Properties p) {
        if (!enabled()) {
            return;
        }
        p.setProperty("javax.net.ssl.keyStore", keyStore);
        p.setProperty("javax.net.ssl.keyStorePassword", keyStorePassword);
        p.setProperty("javax.net.ssl.keyStoreType", keyStoreType);
        p.setProperty("javax.net.ssl.trustStore", trustStore);
        p.setProperty("javax.net.ssl.trustStorePassword", trustStorePassword);
        p.setProperty("javax.net.ssl.trustStoreType", trustStoreType);
        // despite the name, the stack puts these protocols on its server sockets too
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", PROTOCOLS));
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", cipherSuites()));
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", clientAuth.stackValue);
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", String.valueOf(HANDSHAKE_TIMEOUT_MILLIS));
    }

    /**
     * The cipher suites offered: the Java runtime's defaults that are TLS 1.3 suites or forward
     * secret AEAD suites for TLS 1.2 (ECDHE/DHE with GCM or ChaCha20-Poly1305), in the runtime's
     * order. jain-sip's own default is a list of RSA-key-exchange CBC and anonymous suites that
     * modern runtimes disable and that leaves no TLS 1.3 suite at all.
     */
    static List<String> cipherSuites() {
        String[] defaults;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            defaults = context.getDefaultSSLParameters().getCipherSuites();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no TLS", e);
        }
        List<String> suites = new ArrayList<>();
        for (String s : defaults) {
            boolean tls13 = s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_");
            boolean forwardSecret = s.startsWith("TLS_ECDHE_") || s.startsWith("TLS_DHE_");
            boolean aead = s.endsWith("_GCM_SHA256") || s.endsWith("_GCM_SHA384") || s.endsWith("_CHACHA20_POLY1305_SHA256");
            if (tls13 || forwardSecret && aead) {
                suites.add(s);
            }
        }
        return suites;
    }

    /** Says what is set without the passwords. */
    @Override
    public String toString() {
        return enabled() ? "TlsSettings[port=" + port + ", keyStore=" + keyStore + " (" + keyStoreType + "), trustStore="
                + trustStore + " (" + trustStoreType + "), clientAuth=" + clientAuth + "]" : "TlsSettings[off]";
    }
}
