package dev.switchboard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicUserTest {

    @Test
    void theUserNameOnlyNeverThePassword() {
        assertThat(BasicUser.of(basic("operator:secret"))).isEqualTo("operator");
        assertThat(BasicUser.of(basic("alice:pa:ss"))).isEqualTo("alice");
        assertThat(BasicUser.of(basic("no-colon"))).isEqualTo("no-colon");
        assertThat(BasicUser.of("basic " + Base64.getEncoder().encodeToString("bob:x".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("bob");
    }

    @Test
    void notBasicOrNotBase64OrTooLongIsNoUser() {
        assertThat(BasicUser.of(null)).isNull();
        assertThat(BasicUser.of("Bearer abc")).isNull();
        assertThat(BasicUser.of("Basic ***")).isNull();
        assertThat(BasicUser.of(basic("x".repeat(BasicUser.MAX_HEADER) + ":y"))).isNull();
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
