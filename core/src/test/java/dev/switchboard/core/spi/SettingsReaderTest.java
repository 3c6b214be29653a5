package dev.switchboard.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a provider's settings record reads the adapter's properties: its defaults, expressions, errors. */
class SettingsReaderTest {

    @Test
    void unsetOrBlankTakesTheRecordsDefaultButTextOrEmptyKeepsADeliberateBlank() {
        SettingsReader read = new SettingsReader(Map.of("blank", "  ", "set", " x "));
        assertThat(read.text("unset", "d")).isEqualTo("d");
        assertThat(read.text("blank", "d")).isEqualTo("d");
        assertThat(read.text("set", "d")).isEqualTo("x");
        assertThat(read.textOrEmpty("unset", "d")).isEqualTo("d");
        assertThat(read.textOrEmpty("blank", "d")).isEmpty();
    }

    @Test
    void expressionsInValuesAndDefaultsTakeTheSystemPropertyElseTheirOwnDefault() {
        SettingsReader read = new SettingsReader(Map.of("port", "${switchboard.test.reader.port:5070}"));
        assertThat(read.wholeNumber("port", "1", 1, 65535)).isEqualTo(5070);
        assertThat(read.wholeNumber("other", "${switchboard.test.reader.port:5080}", 1, 65535)).isEqualTo(5080);
        System.setProperty("switchboard.test.reader.port", "5090");
        try {
            assertThat(read.wholeNumber("port", "1", 1, 65535)).isEqualTo(5090);
        } finally {
            System.clearProperty("switchboard.test.reader.port");
        }
    }

    @Test
    void errorsNameThePropertyAndTheValue() {
        SettingsReader read = new SettingsReader(Map.of("port", "70000", "flag", "maybe", "wait", "0",
                "where", "${switchboard.test.reader.none}"));
        assertThatThrownBy(() -> read.wholeNumber("port", "1", 1, 65535)).hasMessage("port '70000' must be a whole"
                + " number from 1 to 65535");
        assertThatThrownBy(() -> read.flag("flag", "true")).hasMessage("flag 'maybe' must be true or false");
        assertThatThrownBy(() -> read.positiveMillis("wait", "1")).hasMessageContaining("wait '0'");
        assertThatThrownBy(() -> read.text("where", "")).hasMessageContaining("where '${switchboard.test.reader.none}'")
                .hasMessageContaining("not set and has no default");
    }
}
