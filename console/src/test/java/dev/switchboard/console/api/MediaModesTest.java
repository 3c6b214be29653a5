package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaModesTest {

    @Test
    void readsOneName() {
        assertThat(MediaModes.parse("interactivevoice")).isEqualTo(0x4);
    }

    @Test
    void readsSeveralNamesWithCommaOrBar() {
        assertThat(MediaModes.parse("UNKNOWN,G3FAX")).isEqualTo(0x22);
        assertThat(MediaModes.parse("UNKNOWN|G3FAX")).isEqualTo(0x22);
    }

    @Test
    void readsNumbers() {
        assertThat(MediaModes.parse("0x22")).isEqualTo(0x22);
        assertThat(MediaModes.parse("32")).isEqualTo(0x20);
    }

    @Test
    void refusesWhatIsNotAMediaMode() {
        assertThatThrownBy(() -> MediaModes.parse("FAXX")).hasMessageContaining("FAXX");
        assertThatThrownBy(() -> MediaModes.parse("0x1")).hasMessageContaining("0x1");
        assertThatThrownBy(() -> MediaModes.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
