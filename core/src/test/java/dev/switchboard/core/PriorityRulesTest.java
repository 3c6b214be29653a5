package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.DATAMODEM;
import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import dev.switchboard.core.priority.FilePriorityStore;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R1 (effective order), R2 (lineSetAppPriority / lineGetAppPriority), R3 (persistence). */
class PriorityRulesTest {
    private Harness h = Harness.start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    // ---- R1 ----

    @Test
    void declaredPriorityOrdersOwnersOneIsHighest_R1() {
        h.owner("low", G3FAX, 3);
        h.owner("high", G3FAX, 1);
        h.owner("mid", G3FAX, 2);

        assertThat(h.sb.effectivePriority(Harness.L1, G3FAX)).containsExactly("high", "mid", "low");
    }

    @Test
    void tiesOnDeclaredPriorityGoByActivationOrderFirstActivatedFirst_R1() {
        h.owner("second", G3FAX, 1);
        h.owner("third", G3FAX, 1);
        h.owner("worse", G3FAX, 2);
        h.owner("fourth", G3FAX, 1);

        assertThat(h.sb.effectivePriority(Harness.L1, G3FAX)).containsExactly("second", "third", "fourth", "worse");
    }

    @Test
    void administratorListComesFirstInItsOrderThenDeclaredPriority_R1() {
        h.owner("a", G3FAX, 1);
        h.owner("b", G3FAX, 2);
        h.owner("c", G3FAX, 3);
        h.owner("d", G3FAX, 1);
        h.sb.priorityLists().setList(G3FAX, List.of("c", "b"));

        assertThat(h.sb.effectivePriority(Harness.L1, G3FAX)).containsExactly("c", "b", "a", "d");
    }

    @Test
    void administratorListNamesThatAreNotOpenOrNotOwnersOfTheModeAreSkipped_R1() {
        Party a = h.owner("a", G3FAX, 1);
        h.owner("voice", INTERACTIVEVOICE, 1); // opened the line as OWNER, but not for G3FAX
        h.monitor("mon");
        h.sb.priorityLists().setList(G3FAX, List.of("ghost", "voice", "mon", "a"));

        assertThat(h.sb.effectivePriority(Harness.L1, G3FAX)).containsExactly("a");
        TestCall call = h.place(G3FAX);
        assertThat(a.events(call)).containsExactly("OFFERING/OWNER");
    }

    @Test
    void effectiveOrderIsPerLineAndPerMode_R1() {
        h.owner("fax1", G3FAX, 2);
        h.open(new ApplicationSpec("fax2", Set.of(Harness.L2), EnumSet.of(Privilege.OWNER), Map.of(G3FAX, 1)));
        h.open(new ApplicationSpec("both", Set.of(ApplicationSpec.ALL_LINES), EnumSet.of(Privilege.OWNER),
                Map.of(G3FAX, 3, DATAMODEM, 1)));

        assertThat(h.sb.effectivePriority(Harness.L1, G3FAX)).containsExactly("fax1", "both");
        assertThat(h.sb.effectivePriority(Harness.L2, G3FAX)).containsExactly("fax2", "both");
        assertThat(h.sb.effectivePriority(Harness.L1, DATAMODEM)).containsExactly("both");
        assertThat(h.sb.effectivePriority(Harness.L1, INTERACTIVEVOICE)).isEmpty();
    }

    @Test
    void newCallGoesToFirstOfEffectiveOrderAndAdminListEditedAtRunTimeTakesEffect_R1() {
        Party a = h.owner("a", G3FAX, 1);
        Party b = h.owner("b", G3FAX, 2);

        TestCall first = h.place(G3FAX);
        assertThat(a.events(first)).containsExactly("OFFERING/OWNER");
        assertThat(b.events(first)).isEmpty();

        h.sb.priorityLists().setList(G3FAX, List.of("b"));
        TestCall second = h.place(G3FAX);
        assertThat(b.events(second)).containsExactly("OFFERING/OWNER");
        assertThat(a.events(second)).isEmpty();

        h.sb.priorityLists().setList(G3FAX, List.of());
        TestCall third = h.place(G3FAX);
        assertThat(a.events(third)).containsExactly("OFFERING/OWNER");
    }

    @Test
    void closingAndReopeningAnApplicationMovesItBehindItsTies_R1() {
        Party first = h.owner("first", G3FAX, 1);
        h.owner("second", G3FAX, 1);
        first.session.close();
        h.owner("first", G3FAX, 1);

        assertThat(h.sb.effectivePriority(Harness.L1, G3FAX)).containsExactly("second", "first");
    }

    // ---- R2 ----

    @Test
    void insertAtTopThenQueryPositionThenRemove_R2() {
        Party a = h.owner("a", G3FAX);
        Party b = h.owner("b", G3FAX);
        assertThat(a.session.getAppPriority(G3FAX)).isZero();

        a.session.setAppPriority(G3FAX, 1);
        assertThat(a.session.getAppPriority(G3FAX)).isEqualTo(1);
        assertThat(h.sb.priorityLists().list(G3FAX)).containsExactly("a");

        b.session.setAppPriority(G3FAX, 1);
        assertThat(b.session.getAppPriority(G3FAX)).isEqualTo(1);
        assertThat(a.session.getAppPriority(G3FAX)).isEqualTo(2);
        assertThat(h.sb.priorityLists().list(G3FAX)).containsExactly("b", "a");
        assertThat(h.sb.effectivePriority(Harness.L1, G3FAX)).containsExactly("b", "a");

        a.session.setAppPriority(G3FAX, 1); // again: moves back to the top, once
        assertThat(h.sb.priorityLists().list(G3FAX)).containsExactly("a", "b");

        a.session.setAppPriority(G3FAX, 0);
        assertThat(a.session.getAppPriority(G3FAX)).isZero();
        assertThat(b.session.getAppPriority(G3FAX)).isEqualTo(1);
        assertThat(h.sb.priorityLists().list(G3FAX)).containsExactly("b");

        a.session.setAppPriority(G3FAX, 0); // removing when absent changes nothing
        assertThat(h.sb.priorityLists().list(G3FAX)).containsExactly("b");
        assertThat(a.session.getAppPriority(DATAMODEM)).isZero();
    }

    @Test
    void insertingItselfAtTheTopWinsTheNextCall_R2() {
        Party a = h.owner("a", G3FAX, 1);
        Party b = h.owner("b", G3FAX, 5);
        b.session.setAppPriority(G3FAX, 1);

        TestCall call = h.place(G3FAX);
        assertThat(b.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(a.events(call)).isEmpty();
    }

    @Test
    void priorityOtherThanZeroOrOneIsInvalParam_R2() {
        Party a = h.owner("a", G3FAX);
        for (int bad : new int[] {2, -1, 7, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> a.session.setAppPriority(G3FAX, bad))
                    .isInstanceOfSatisfying(SwitchboardException.class,
                            e -> assertThat(e.error()).isEqualTo(TapiError.INVALPARAM))
                    .hasMessageContaining("'a'")
                    .hasMessageContaining(String.valueOf(bad));
        }
        assertThat(h.sb.priorityLists().list(G3FAX)).isEmpty();
    }

    // ---- R3 ----

    @Test
    void priorityListsSurviveANewSwitchboardOnTheSameFile_R3(@TempDir Path dir) {
        Path file = dir.resolve("conf").resolve("priorities.txt");
        try (Switchboard sb1 = Switchboard.builder().provider(new SimulatedSwitch(List.of(Harness.L1)))
                .priorityStore(new FilePriorityStore(file)).build().start()) {
            ApplicationSession fax = sb1.open(ApplicationSpec.owner("fax", Set.of(Harness.L1), G3FAX), e -> { });
            fax.setAppPriority(G3FAX, 1);
            sb1.priorityLists().setList(DATAMODEM, List.of("modem", "bbs"));
            sb1.priorityLists().setList(INTERACTIVEVOICE, List.of("ivr"));
            sb1.priorityLists().setList(INTERACTIVEVOICE, List.of()); // emptied: gone
        }
        assertThat(file).exists();

        try (Switchboard sb2 = Switchboard.builder().provider(new SimulatedSwitch(List.of(Harness.L1)))
                .priorityStore(new FilePriorityStore(file)).build().start()) {
            assertThat(sb2.priorityLists().all()).isEqualTo(Map.of(
                    G3FAX, List.of("fax"),
                    DATAMODEM, List.of("modem", "bbs")));
            ApplicationSession bbs = sb2.open(ApplicationSpec.owner("bbs", Set.of(Harness.L1), DATAMODEM), e -> { });
            sb2.open(ApplicationSpec.owner("other", Set.of(Harness.L1), DATAMODEM), e -> { });
            sb2.open(ApplicationSpec.owner("modem", Set.of(Harness.L1), DATAMODEM), e -> { });
            assertThat(sb2.effectivePriority(Harness.L1, DATAMODEM)).containsExactly("modem", "bbs", "other");
            assertThat(bbs.getAppPriority(DATAMODEM)).isEqualTo(2);
        }
    }

    @Test
    void corruptPriorityFileFailsNamingFileAndLine_R3(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("priorities.txt");
        Files.writeString(file, "# comment\nG3FAX=fax\nthis line has no equals sign\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Switchboard.builder().provider(new SimulatedSwitch(List.of(Harness.L1)))
                .priorityStore(new FilePriorityStore(file)).build())
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("line 3");

        Files.writeString(file, "G3FAX=fax\nFAXX=fax\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new FilePriorityStore(file).load())
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("FAXX");
    }

    @Test
    void missingPriorityFileMeansEmptyLists_R3(@TempDir Path dir) {
        assertThat(new FilePriorityStore(dir.resolve("none.txt")).load()).isEmpty();
        for (MediaMode m : MediaMode.values()) {
            assertThat(h.sb.priorityLists().list(m)).isEmpty();
        }
    }
}
