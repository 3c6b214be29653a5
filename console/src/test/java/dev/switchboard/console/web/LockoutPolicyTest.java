package dev.switchboard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {
    private static final String P = "wildfly.elytron.realm.ApplicationRealm.brute-force.";

    @Test
    void wildFlysDefaultsWhenNothingIsSet() {
        LockoutPolicy p = LockoutPolicy.of("ApplicationRealm", name -> null);
        assertThat(p).isEqualTo(new LockoutPolicy("ApplicationRealm", true, 10, 15, 30));
        assertThat(p.describe()).contains("15 min after 10 failed logins in a row")
                .contains("wildfly.elytron.realm.ApplicationRealm.brute-force.*");
    }

    @Test
    void readsTheServersPropertiesAndTakesTheDefaultForWhatTheServerIgnores() {
        Map<String, String> props = Map.of(P + "max-failed-attempts", "5", P + "lockout-interval", "2",
                P + "session-timeout", "-1");
        LockoutPolicy p = LockoutPolicy.of("ApplicationRealm", props::get);
        assertThat(p).isEqualTo(new LockoutPolicy("ApplicationRealm", true, 5, 2, 30));
        assertThat(LockoutPolicy.of("ApplicationRealm", Map.of(P + "max-failed-attempts", "many")::get)
                .maxFailedAttempts()).isEqualTo(10);
        LockoutPolicy off = LockoutPolicy.of("ApplicationRealm", Map.of(P + "enabled", "false")::get);
        assertThat(off.enabled()).isFalse();
        assertThat(off.describe()).contains("does not lock");
    }
}
