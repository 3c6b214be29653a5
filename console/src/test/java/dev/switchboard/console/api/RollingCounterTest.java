package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollingCounterTest {

    @Test
    void countsPerSecondOverTheWindowAndForgetsOldSeconds() {
        RollingCounter c = new RollingCounter();
        c.increment(100);
        c.increment(100);
        c.increment(105);
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.rate(105, 10)).isEqualTo(0.3);
        assertThat(c.rate(110, 10)).isEqualTo(0.1);
        c.increment(160); // same bucket as 100: the old count is gone
        assertThat(c.rate(160, 60)).isEqualTo(2 / 60.0);
        assertThat(c.total()).isEqualTo(4);
    }

    @Test
    void readsLinesAndPriorityLists() {
        assertThat(LineJson.parse("line1 (sim)")).isEqualTo(new LineJson("line1", "sim"));
        assertThat(PrioritiesResource.checked(List.of(" fax ", "voice"))).containsExactly("fax", "voice");
        assertThatThrownBy(() -> PrioritiesResource.checked(List.of("fax", "fax"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> PrioritiesResource.checked(List.of("a,b"))).hasMessageContaining("a,b");
        assertThatThrownBy(() -> PrioritiesResource.checked(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
