package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.core.HandoffRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.priority.ApplicationNames;
import dev.switchboard.core.priority.FilePriorityStore;
import dev.switchboard.core.priority.PriorityLists;
import dev.switchboard.core.priority.PriorityStore;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R2, R3: application names go into the priority lists, which must read back after a restart as
 * they were written. Names the store cannot keep are refused with INVALAPPNAME where they enter the
 * core: opening an application and setting a priority list. The message shows the name escaped.
 */
class ApplicationNameTest {
    private final Harness h = Harness.start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static ApplicationSpec faxNamed(String name) {
        return ApplicationSpec.owner(name, Set.of(Harness.L1), G3FAX);
    }

    @Test
    void paddedNameIsRefusedRatherThanLosingItsPriority_R2() {
        assertError(() -> faxNamed(" fax "), TapiError.INVALAPPNAME, "' fax '", "white space");
        assertError(() -> faxNamed("fax\t"), TapiError.INVALAPPNAME, "'fax\\t'");
        assertThat(h.sb.isOpen(" fax ")).isFalse();
    }

    @Test
    void nameWithAListSeparatorIsRefused_R3() {
        assertError(() -> faxNamed("fax,backup"), TapiError.INVALAPPNAME, "'fax,backup'", "','");
        assertError(() -> faxNamed("fax;backup"), TapiError.INVALAPPNAME, "';'");
        assertError(() -> faxNamed("G3FAX=fax"), TapiError.INVALAPPNAME, "'='");
    }

    @Test
    void nameWithALineBreakOrControlCharacterIsRefusedAndShownEscaped_R3() {
        String injection = "fax\nINTERACTIVEVOICE=evil";
        assertThatThrownBy(() -> faxNamed(injection)).isInstanceOfSatisfying(SwitchboardException.class, e -> {
            assertThat(e.error()).isEqualTo(TapiError.INVALAPPNAME);
            assertThat(e.getMessage()).contains("'fax\\nINTERACTIVEVOICE=evil'").contains("U+000A")
                    .doesNotContain("\n");
        });
        assertThatThrownBy(() -> faxNamed("fax\u001b[2J")).isInstanceOfSatisfying(SwitchboardException.class, e -> {
            assertThat(e.error()).isEqualTo(TapiError.INVALAPPNAME);
            assertThat(e.getMessage()).contains("'fax\\u001B[2J'").doesNotContain("\u001b");
        });
        assertError(() -> faxNamed("fax\u0000"), TapiError.INVALAPPNAME, "U+0000");
        assertError(() -> faxNamed("fax\u2028x"), TapiError.INVALAPPNAME, "U+2028");
        assertError(() -> faxNamed("fax\u202Ex"), TapiError.INVALAPPNAME, "U+202E");
        assertError(() -> faxNamed("fax\uD800"), TapiError.INVALAPPNAME, "U+D800");
    }

    @Test
    void nameLongerThanTheBoundIsRefusedAndNotEchoedWhole_R3() {
        String longest = "f".repeat(ApplicationNames.MAX_LENGTH);
        assertThat(faxNamed(longest).name()).isEqualTo(longest);

        assertError(() -> faxNamed(longest + "x"), TapiError.INVALAPPNAME, "65 characters", "at most 64");
        String huge = "x".repeat(200_000);
        assertThatThrownBy(() -> faxNamed(huge)).isInstanceOfSatisfying(SwitchboardException.class, e -> {
            assertThat(e.error()).isEqualTo(TapiError.INVALAPPNAME);
            assertThat(e.getMessage()).hasSizeLessThan(300).contains("200000 characters");
        });
    }

    @Test
    void emptyBlankAndMissingNamesAreRefused_R2() {
        assertError(() -> faxNamed(""), TapiError.INVALAPPNAME, "empty");
        assertError(() -> faxNamed("   "), TapiError.INVALAPPNAME, "blank");
        assertError(() -> faxNamed(null), TapiError.INVALAPPNAME, "missing");
    }

    @Test
    void validNamesMayHoldInnerSpacesAndLettersOfAnyScript_R2() {
        for (String name : List.of("fax backup", "fäx-2", "факс", "传真_1", "fax.backup@site")) {
            Harness.Party p = h.owner(name, G3FAX);
            p.session.setAppPriority(G3FAX, 1);
            assertThat(p.session.getAppPriority(G3FAX)).as(name).isEqualTo(1);
        }
    }

    @Test
    void priorityListRefusesNamesTheStoreCannotKeepAndStaysAsItWas_R3() {
        h.sb.priorityLists().setList(G3FAX, List.of("fax"));

        assertError(() -> h.sb.priorityLists().setList(G3FAX, List.of("fax", "x\nINTERACTIVEVOICE=evil")),
                TapiError.INVALAPPNAME, "G3FAX", "'x\\nINTERACTIVEVOICE=evil'");
        assertError(() -> h.sb.priorityLists().setList(G3FAX, List.of(" fax ")), TapiError.INVALAPPNAME,
                "' fax '", "white space");
        assertError(() -> h.sb.priorityLists().setList(G3FAX, List.of("fax,backup")), TapiError.INVALAPPNAME,
                "'fax,backup'");
        assertError(() -> h.sb.priorityLists().setList(G3FAX, List.of("")), TapiError.INVALAPPNAME, "empty");

        assertThat(h.sb.priorityLists().all()).isEqualTo(Map.of(G3FAX, List.of("fax")));
    }

    @Test
    void filePriorityStoreRefusesToWriteWhatItCannotReadBack_R3(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("priorities.txt");
        FilePriorityStore store = new FilePriorityStore(file);
        store.save(Map.of(G3FAX, List.of("fax")));
        String before = Files.readString(file, StandardCharsets.UTF_8);

        for (String bad : List.of("fax,backup", "fax\nINTERACTIVEVOICE=evil", " fax ", "x".repeat(65))) {
            assertThatThrownBy(() -> store.save(Map.of(G3FAX, List.of("fax", bad))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(ApplicationNames.quoted(bad));
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(before);
        }
        assertThat(store.load()).isEqualTo(Map.of(G3FAX, List.of("fax")));
    }

    @Test
    void filePriorityStoreGivesBackEveryValidNameExactlyAfterARestart_R3(@TempDir Path dir) {
        Path file = dir.resolve("conf").resolve("priorities.txt");
        List<String> names = List.of("fax backup", "fäx-2", "传真_1", "f".repeat(ApplicationNames.MAX_LENGTH),
                "#not-a-comment");
        try (Switchboard sb1 = Switchboard.builder().provider(new SimulatedSwitch(List.of(Harness.L1)))
                .priorityStore(new FilePriorityStore(file)).build().start()) {
            sb1.priorityLists().setList(G3FAX, names);
            sb1.priorityLists().setList(INTERACTIVEVOICE, List.of("voice"));
        }
        try (Switchboard sb2 = Switchboard.builder().provider(new SimulatedSwitch(List.of(Harness.L1)))
                .priorityStore(new FilePriorityStore(file)).build().start()) {
            assertThat(sb2.priorityLists().all()).isEqualTo(Map.of(G3FAX, names, INTERACTIVEVOICE, List.of("voice")));
            ApplicationSession fax = sb2.open(ApplicationSpec.owner("fax backup", Set.of(Harness.L1), G3FAX), e -> { });
            assertThat(fax.getAppPriority(G3FAX)).isEqualTo(1);
        }
    }

    @Test
    void priorityFileWithANameTheCoreWouldRefuseFailsToLoadNamingTheLine_R3(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("priorities.txt");
        Files.writeString(file, "G3FAX=fax\nDATAMODEM=modem," + "m".repeat(65) + "\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new FilePriorityStore(file).load())
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("65 characters");
    }

    @Test
    void priorityListsRefuseAStoreThatHoldsAnInvalidName_R3() {
        assertThatThrownBy(() -> new PriorityLists(new PriorityStore() {
            @Override
            public Map<MediaMode, List<String>> load() {
                return Map.of(G3FAX, List.of("fax\nDATAMODEM=evil"));
            }

            @Override
            public void save(Map<MediaMode, List<String>> lists) {
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("'fax\\nDATAMODEM=evil'");
    }
}
