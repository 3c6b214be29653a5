package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrioritiesResourceTest {

    @Test
    void readsLinesAndPriorityLists() {
        assertThat(LineJson.parse("line1 (sim)")).isEqualTo(new LineJson("line1", "sim"));
        assertThat(PrioritiesResource.checked(List.of(" fax ", "voice"))).containsExactly("fax", "voice");
        assertThatThrownBy(() -> PrioritiesResource.checked(List.of("fax", "fax"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> PrioritiesResource.checked(List.of("a,b"))).hasMessageContaining("a,b");
        assertThatThrownBy(() -> PrioritiesResource.checked(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
