package dev.switchboard.rar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.sim.SimulatedSwitchSettings;
import dev.switchboard.sip.provider.SipSettings;
import jakarta.resource.spi.ConfigProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The defaults an administrator sees (the adapter's {@code @ConfigProperty defaultValue}s) are the
 * values the adapter uses when a property is unset, and those come from the settings records
 * alone: {@link AdapterSettings}, {@link SimulatedSwitchSettings}, {@link SipSettings}.
 */
class ConfigPropertyDefaultsTest {

    /** What an adapter would run with: its own settings and each provider's settings record. */
    private record Effective(AdapterSettings adapter, SimulatedSwitchSettings sim, SipSettings sip) {
        static Effective of(SwitchboardResourceAdapter ra) {
            AdapterSettings settings = ra.settings();
            return new Effective(settings.withoutProviderSettings(),
                    SimulatedSwitchSettings.from(settings.providerSettings()),
                    SipSettings.from(settings.providerSettings()));
        }
    }

    @Test
    void everyDisplayedDefaultIsWhatTheSettingsRecordsApplyWhenThePropertyIsUnset() throws Exception {
        Effective unset = Effective.of(new SwitchboardResourceAdapter());
        List<String> checked = new ArrayList<>();
        for (Field property : SwitchboardResourceAdapter.class.getDeclaredFields()) {
            ConfigProperty annotation = property.getAnnotation(ConfigProperty.class);
            if (annotation == null) {
                continue;
            }
            String name = property.getName();
            property.setAccessible(true);
            assertThat(property.get(new SwitchboardResourceAdapter()))
                    .as("%s has a value before the container sets one; only the settings records give defaults", name)
                    .isNull();
            if (annotation.defaultValue().isEmpty()) {
                continue; // no default shown (adminPriorities): unset means none
            }
            SwitchboardResourceAdapter ra = new SwitchboardResourceAdapter();
            set(ra, property, annotation.defaultValue());
            assertThat(Effective.of(ra)).as("%s set to its displayed default '%s'", name, annotation.defaultValue())
                    .isEqualTo(unset);
            checked.add(name);
        }
        assertThat(checked).contains("provider", "lockTimeoutMillis", "deliveryRetries", "deliveryRetryDelayMillis",
                "workManagerThreads", "priorityFile", "simulatedLines", "simulatedHandoff", "sipListenAddress", "sipPort", "sipTransport",
                "sipLines", "sipDefaultLine", "sipRtpPortRange", "sipReinviteTimeoutMillis", "sipMaxMessageSize",
                "sipMaxCalls", "sipMaxQueueDelayMillis", "sipNoAnswerTimeoutMillis", "sipTransferTimeoutMillis", "sipAllowedPeers", "sipRateLimit",
                "sipRateBurst", "sipRateLimitedRequests",
                "sipAuthRealm", "sipAuthMethods", "sipAuthNonceLifetimeMillis", "sipRefusalMode",
                "sipRefusalLogIntervalMillis", "sipTlsKeyStoreType", "sipTlsTrustStoreType", "sipTlsClientAuth",
                "sipSessionExpiresSeconds", "sipMinSessionExpiresSeconds", "sipRtpTimeoutSeconds", "sipMaxCallSeconds",
                "sipMediaThreads", "sipMediaThreadNamePrefix");
    }

    @Test
    void passwordsAreConfidentialSoAdminConsolesHideThemAndSettingsNeverPrintThem() {
        List<String> passwords = new ArrayList<>();
        for (Field property : SwitchboardResourceAdapter.class.getDeclaredFields()) {
            ConfigProperty annotation = property.getAnnotation(ConfigProperty.class);
            if (annotation != null && property.getName().toLowerCase(Locale.ROOT).contains("password")) {
                assertThat(annotation.confidential()).as("%s is confidential", property.getName()).isTrue();
                assertThat(annotation.defaultValue()).as("%s has no default", property.getName()).isEmpty();
                passwords.add(property.getName());
            }
        }
        assertThat(passwords).containsExactlyInAnyOrder("sipAuthPassword", "sipTlsKeyStorePassword",
                "sipTlsTrustStorePassword");
        SwitchboardResourceAdapter ra = new SwitchboardResourceAdapter();
        ra.setSipAuthUsername("trunk");
        ra.setSipAuthPassword("s3cret-Value");
        assertThat(ra.settings().toString()).contains("trunk").doesNotContain("s3cret-Value");
        assertThat(SipSettings.from(ra.settings().providerSettings()).toString()).doesNotContain("s3cret-Value");
    }

    @Test
    void passwordsAndCredentialsAreConfidentialAndNothingElseIs() {
        List<String> confidential = new ArrayList<>();
        for (Field property : SwitchboardResourceAdapter.class.getDeclaredFields()) {
            ConfigProperty annotation = property.getAnnotation(ConfigProperty.class);
            if (annotation != null && annotation.confidential()) {
                confidential.add(property.getName());
            }
        }
        assertThat(confidential).containsExactlyInAnyOrder("sipAuthUsers", "sipAuthPassword", "sipTlsKeyStorePassword",
                "sipTlsTrustStorePassword");
    }

    @Test
    void theAdmissionPropertiesReachTheSipProvider() throws Exception {
        SwitchboardResourceAdapter ra = new SwitchboardResourceAdapter();
        ra.setSipAllowedPeers("192.0.2.0/24");
        ra.setSipAuthUsers("alice:s3cret");
        ra.setSipRefusalMode("drop");
        SipSettings sip = SipSettings.from(ra.settings().providerSettings());
        assertThat(sip.admission().allowedPeers().allows(java.net.InetAddress.getByName("192.0.2.9"))).isTrue();
        assertThat(sip.admission().allowedPeers().allows(java.net.InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(sip.admission().authUsers()).containsEntry("alice", "s3cret");
        assertThat(sip.admission().refusalMode().name()).isEqualTo("DROP");
        assertThat(sip.tls().port()).as("TLS stays off").isZero();
    }

    /** Sets the property through its JavaBean setter, as the container does, converting the text to its type. */
    private static void set(SwitchboardResourceAdapter ra, Field property, String text) throws Exception {
        Class<?> type = property.getType();
        Object value = type == String.class ? text
                : type == Long.class ? Long.valueOf(text)
                : type == Integer.class ? Integer.valueOf(text)
                : type == Boolean.class ? Boolean.valueOf(text)
                : null;
        assertThat(value).as("a config property of type %s", type).isNotNull();
        String name = property.getName();
        Method setter = SwitchboardResourceAdapter.class.getMethod(
                "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), type);
        setter.invoke(ra, value);
    }
}
