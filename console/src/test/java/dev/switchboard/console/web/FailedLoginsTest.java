package dev.switchboard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailedLoginsTest {
    private final FailedLogins logins = new FailedLogins(new LockoutPolicy("ApplicationRealm", true, 3, 15, 30),
            new SourceLimiter(60_000));

    @Test
    void countsFailuresInARowPerUserAsTheRealmDoes() {
        assertThat(logins.failed("127.0.0.1", "operator", 0)).isEqualTo(1);
        assertThat(logins.failed("127.0.0.2", "operator", 1000)).as("from anywhere").isEqualTo(2);
        assertThat(logins.failed("127.0.0.1", "alice", 1000)).isEqualTo(1);
        logins.succeeded("operator");
        assertThat(logins.failed("127.0.0.1", "operator", 2000)).as("a login clears the count").isEqualTo(1);
    }

    @Test
    void theCountIsForgottenAfterTheRealmsSessionTime() {
        logins.failed("127.0.0.1", "operator", 0);
        logins.failed("127.0.0.1", "operator", 1000);
        assertThat(logins.failed("127.0.0.1", "operator", 1000 + 31 * 60_000L)).isEqualTo(1);
    }

    @Test
    void anyUserNameIsAcceptedAndTheNumberOfNamesKeptIsBounded() {
        for (int i = 0; i < FailedLogins.MAX_USERS + 10; i++) {
            logins.failed("127.0.0.1", "user-" + i, i);
        }
        assertThat(logins.failed("127.0.0.1", "user-0", 10_000)).as("forgotten").isEqualTo(1);
        assertThat(logins.failed("127.0.0.1", null, 10_000)).isEqualTo(1);
        assertThat(logins.failed("127.0.0.1", "\u001B[2J\n", 10_000)).isEqualTo(1);
    }
}
