package dev.switchboard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console is an operator's tool over the public api: of the adapter's classes it uses only the
 * api, the simulator door of {@code core.sim} (for the demo API) and the core's rule for application
 * names (so that it refuses exactly the names the core refuses, before they reach the priority store),
 * and it needs no sample application (their audit topic is a sample's, not the console's feed).
 */
class ConsoleDependenciesTest {
    private static final Set<String> CORE_DOOR = Set.of("dev.switchboard.core.sim.Simulator",
            "dev.switchboard.core.sim.Simulators", "dev.switchboard.core.sim.SimulatedCall",
            "dev.switchboard.core.priority.ApplicationNames");

    @Test
    void ofTheAdapterTheConsoleUsesOnlyTheApiAndTheSimulatorDoor() {
        List<String> imports = imports().stream()
                .filter(i -> i.startsWith("dev.switchboard.") && !i.startsWith("dev.switchboard.console."))
                .toList();
        assertThat(imports).isNotEmpty().allSatisfy(i ->
                assertThat(i.startsWith("dev.switchboard.api.") || CORE_DOOR.contains(i))
                        .as("console import %s", i).isTrue());
    }

    @Test
    void theConsoleNeedsNoSampleApplicationAndNoMessaging() {
        assertThat(imports()).noneMatch(i -> i.startsWith("dev.switchboard.samples"))
                .noneMatch(i -> i.startsWith("jakarta.jms"));
    }

    /** Every import of the console's main sources. */
    static List<String> imports() {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(ConsoleDependenciesTest::lines)
                    .filter(l -> l.startsWith("import "))
                    .map(l -> l.substring("import ".length()).replace("static ", "").replace(";", "").trim())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
