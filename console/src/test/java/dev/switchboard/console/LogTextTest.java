package dev.switchboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void controlCharactersCannotStartALineOrReachATerminal() {
        assertThat(LogText.quoted("op\nerator")).isEqualTo("'op\\nerator'");
        assertThat(LogText.quoted("\u001B[2J\u0000")).isEqualTo("'\\u001B[2J\\u0000'");
        assertThat(LogText.quoted("it's")).isEqualTo("'it\\'s'");
        assertThat(LogText.quoted(null)).isEqualTo("(none)");
        assertThat(LogText.quoted("zoë")).isEqualTo("'zoë'");
    }

    @Test
    void longTextIsCut() {
        String q = LogText.quoted("x".repeat(200 * 1024));
        assertThat(q).hasSizeLessThan(LogText.MAX_SHOWN + 30).endsWith("(204800 chars)");
    }
}
