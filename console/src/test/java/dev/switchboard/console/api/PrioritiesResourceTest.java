package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrioritiesResourceTest {

    @Test
    void readsLinesAndPriorityLists() {
        assertThat(LineJson.parse("line1 (sim)")).isEqualTo(new LineJson("line1", "sim"));
        assertThat(PrioritiesResource.checked(List.of("fax", "voice"))).containsExactly("fax", "voice");
        assertThatThrownBy(() -> PrioritiesResource.checked(List.of("fax", "fax"))).hasMessageContaining("twice");
        assertThatThrownBy(() -> PrioritiesResource.checked(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheStoreCannotKeepAreRefusedAsTheCoreRefusesThem_R2_R3() {
        assertInvalid("a,b", "','");
        assertInvalid(" fax ", "white space"); // refused, not trimmed: the store would not give it back as sent
        assertInvalid("fax\nG3FAX=evil", "U+000A");
        assertInvalid("fax\u001B[2J", "U+001B");
        assertInvalid("x".repeat(200 * 1024), "204800 characters");
        assertInvalid(null, "missing");
    }

    @Test
    void aListLongerThanAnyModeNeedsIsRefused() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= PrioritiesResource.MAX_NAMES; i++) {
            many.add("app" + i);
        }
        assertThatThrownBy(() -> PrioritiesResource.checked(many)).hasMessageContaining("at most 100");
    }

    private static void assertInvalid(String name, String problem) {
        List<String> list = new ArrayList<>(Collections.singletonList(name));
        assertThatThrownBy(() -> PrioritiesResource.checked(list))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> {
                    assertThat(e.error()).isEqualTo(TapiError.INVALAPPNAME);
                    assertThat(e.getMessage()).contains(problem).hasSizeLessThan(300);
                });
    }
}
