package dev.switchboard.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void controlCharactersFromTheNetworkAreShownAsHexEscapes() {
        assertThat(LogText.of("a\u001B[2Jb\u0000c\r\nd\u007Fe\u0085f\tg"))
                .isEqualTo("a\\x1B[2Jb\\x00c\\x0D\\x0Ad\\x7Fe\\x85f\\x09g");
    }

    @Test
    void invisibleFormattingAndSeparatorsAreShownAsUnicodeEscapes() {
        assertThat(LogText.of("x\u202Ey\u2028z\uD800")).isEqualTo("x\\u202Ey\\u2028z\\uD800");
    }

    @Test
    void aBackslashIsDoubledSoThatEveryEscapeInTheOutputMeansOneInTheInput() {
        assertThat(LogText.of("\\x1B")).isEqualTo("\\\\x1B");
    }

    @Test
    void printableTextStaysAsItWasNonAsciiIncluded() {
        assertThat(LogText.of("sip:caller@example.com \u0440\u0430\u0431\u043e\u0442\u0430 \u5927\u505C\u96FB \uD83D\uDCDE"))
                .isEqualTo("sip:caller@example.com \u0440\u0430\u0431\u043e\u0442\u0430 \u5927\u505C\u96FB \uD83D\uDCDE");
    }

    @Test
    void longInputIsCutWithTheCountOfWhatWasCut() {
        String cut = LogText.of("x".repeat(60_000));
        assertThat(cut).isEqualTo("x".repeat(LogText.MAX_CHARS) + "...(" + (60_000 - LogText.MAX_CHARS) + " more chars)");
        assertThat(LogText.of("abcdef", 3)).isEqualTo("abc...(3 more chars)");
        assertThat(LogText.of("abc", 3)).isEqualTo("abc");
    }

    @Test
    void nullIsShownAsNull() {
        assertThat(LogText.of(null)).isEqualTo("null");
    }
}
