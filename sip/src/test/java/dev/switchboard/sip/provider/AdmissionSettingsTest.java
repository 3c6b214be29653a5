package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sip.provider.AdmissionSettings.LimitedRequests;
import dev.switchboard.sip.provider.AdmissionSettings.RefusalMode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admission and TLS properties as SipSettings reads them: defaults, values, and errors that name the property. */
class AdmissionSettingsTest {
    @TempDir
    static Path dir;
    private static TestKeyStores keys;

    @BeforeAll
    static void makeKeys() throws Exception {
        keys = TestKeyStores.create(dir);
    }

    private static SipSettings read(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return SipSettings.from(m);
    }

    private static String[] tls(String... more) {
        String[] base = {SipSettings.TLS_PORT, "5061", SipSettings.TLS_KEY_STORE, keys.server().toString(),
                SipSettings.TLS_KEY_STORE_PASSWORD, TestKeyStores.PASSWORD, SipSettings.TLS_TRUST_STORE,
                keys.trust().toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void unsetMeansLoopbackOnlyALimitOnNewCallsNoAuthenticationAnsweredRefusalsAndNoTls() throws Exception {
        SipSettings s = read();
        AdmissionSettings a = s.admission();
        assertThat(a.allowedPeers()).isEqualTo(PeerAllowlist.parse("x", "127.0.0.0/8,::1"));
        assertThat(a.ratePerSecond()).isEqualTo(50);
        assertThat(a.rateBurst()).isEqualTo(100);
        assertThat(a.limitedRequests()).isEqualTo(LimitedRequests.INVITE);
        assertThat(a.authenticates()).isFalse();
        assertThat(a.authRealm()).isEqualTo("switchboard");
        assertThat(a.authMethods()).containsExactly("INVITE");
        assertThat(a.refusalMode()).isEqualTo(RefusalMode.ANSWER);
        assertThat(s.tls().enabled()).isFalse();
    }

    @Test
    void valuesAreReadAsWritten() {
        AdmissionSettings a = read(SipSettings.RATE_LIMIT, "0", SipSettings.RATE_LIMITED_REQUESTS, "ALL",
                SipSettings.AUTH_USERS, " alice:pa:ss , bob:x ", SipSettings.AUTH_METHODS, "invite, bye",
                SipSettings.REFUSAL_MODE, "Drop", SipSettings.AUTH_NONCE_LIFETIME, "1000").admission();
        assertThat(a.limitsRate()).isFalse();
        assertThat(a.limitedRequests()).isEqualTo(LimitedRequests.ALL);
        assertThat(a.authUsers()).containsExactlyInAnyOrderEntriesOf(Map.of("alice", "pa:ss", "bob", "x"));
        assertThat(a.authMethods()).isEqualTo(Set.of("INVITE", "BYE"));
        assertThat(a.refusalMode()).isEqualTo(RefusalMode.DROP);
        assertThat(a.nonceLifetimeMillis()).isEqualTo(1000);
    }

    @Test
    void badValuesNameThePropertyAndNeverThePassword() {
        assertThatThrownBy(() -> read(SipSettings.REFUSAL_MODE, "reject"))
                .hasMessage("sipRefusalMode 'reject' must be answer or drop");
        assertThatThrownBy(() -> read(SipSettings.RATE_LIMITED_REQUESTS, "bye")).hasMessageContaining("invite or all");
        assertThatThrownBy(() -> read(SipSettings.RATE_BURST, "0")).hasMessageContaining(SipSettings.RATE_BURST);
        assertThatThrownBy(() -> read(SipSettings.AUTH_METHODS, "ACK")).hasMessageContaining("cannot be challenged");
        assertThatThrownBy(() -> read(SipSettings.AUTH_USERS, "alice:topsecret,alice:other"))
                .hasMessageContaining("'alice' is named twice").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> read(SipSettings.AUTH_USERS, "topsecret"))
                .hasMessageContaining(SipSettings.AUTH_USERS).hasMessageContaining("user:password");
        assertThatThrownBy(() -> read(SipSettings.AUTH_REALM, "a\"b")).hasMessageContaining(SipSettings.AUTH_REALM);
        assertThatThrownBy(() -> read(SipSettings.ALLOWED_PEERS, "10.0.0.0/8,nowhere"))
                .hasMessageContaining(SipSettings.ALLOWED_PEERS).hasMessageContaining("'nowhere'");
    }

    @Test
    void toStringShowsUsersButNoPasswords() {
        SipSettings s = read(tls(SipSettings.AUTH_USERS, "alice:topsecret"));
        assertThat(s.toString()).contains("alice").contains("port=5061").doesNotContain("topsecret")
                .doesNotContain(TestKeyStores.PASSWORD);
    }

    @Test
    void tlsNeedsItsStoresAndTheirPasswordsAndTheStoresMustBeReadable() {
        SipSettings on = read(tls());
        assertThat(on.tls().enabled()).isTrue();
        on.tls().check();
        assertThatThrownBy(() -> read(SipSettings.TLS_PORT, "5061"))
                .hasMessageContaining(SipSettings.TLS_KEY_STORE).hasMessageContaining(SipSettings.TLS_KEY_STORE_PASSWORD);
        assertThatThrownBy(() -> read(SipSettings.TLS_KEY_STORE, keys.server().toString()))
                .hasMessageContaining("sipTlsPort is not");
        assertThatThrownBy(() -> read(tls(SipSettings.TLS_TRUST_STORE, "")))
                .hasMessageContaining(SipSettings.TLS_TRUST_STORE);
        assertThatThrownBy(() -> read(tls(SipSettings.TLS_KEY_STORE_PASSWORD, "wrong1")).tls().check())
                .hasMessageContaining(SipSettings.TLS_KEY_STORE).hasMessageContaining(SipSettings.TLS_KEY_STORE_PASSWORD)
                .hasMessageNotContaining("wrong1");
        assertThatThrownBy(() -> read(tls(SipSettings.TLS_KEY_STORE, dir.resolve("missing.p12").toString())).tls().check())
                .hasMessageContaining("missing.p12");
        assertThatThrownBy(() -> read(tls(SipSettings.TLS_KEY_STORE, keys.trust().toString())).tls().check())
                .as("a store of certificates only").hasMessageContaining("holds no private key");
        assertThatThrownBy(() -> read(tls(SipSettings.TLS_KEY_STORE_TYPE, "NOPE")).tls().check())
                .hasMessageContaining(SipSettings.TLS_KEY_STORE_TYPE);
        assertThatThrownBy(() -> read(tls(SipSettings.TLS_CLIENT_AUTH, "maybe")))
                .hasMessage("sipTlsClientAuth 'maybe' must be none, want or need");
        assertThatThrownBy(() -> read(tls(SipSettings.PORT, "5061", SipSettings.TRANSPORT, "tcp")))
                .hasMessageContaining("TCP port of its own");
    }

    @Test
    void theTlsCipherSuitesAreModernAndIncludeTls13() {
        assertThat(TlsSettings.cipherSuites()).contains("TLS_AES_128_GCM_SHA256")
                .allMatch(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_") || s.contains("ECDHE")
                        || s.contains("_DHE_"))
                .noneMatch(s -> s.contains("_CBC_") || s.contains("anon") || s.contains("3DES"));
    }

    @Test
    void aProviderWithAnUnreadableKeyStoreDoesNotStart() {
        SipLineProvider p = (SipLineProvider) new SipLineProviderFactory().create(Map.of(SipSettings.TLS_PORT, "5061",
                SipSettings.TLS_KEY_STORE, keys.server().toString(), SipSettings.TLS_KEY_STORE_PASSWORD, "wrong-one",
                SipSettings.TLS_TRUST_STORE, keys.trust().toString()));
        assertThatThrownBy(() -> p.start(null)).hasMessageContaining(SipSettings.TLS_KEY_STORE_PASSWORD);
    }
}
