package dev.switchboard.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logging convention, checked over the whole source tree (this test sits in the core only
 * because every module's build runs after it): each operator message starts with a stable
 * {@code SWBnnnn: } id, an id names exactly one message, messages live in each module's one log
 * class, the id's range says which module speaks, and the administrator's guide lists every id
 * there is and no id there is not.
 */
class MessageIdsTest {
    private static final Pattern ID_IN_MESSAGE = Pattern.compile("\"SWB(\\d{4}): ");
    private static final Pattern ID_IN_GUIDE = Pattern.compile("^\\| SWB(\\d{4}) \\|", Pattern.MULTILINE);
    /** Each module's log classes and the ids they own, by the id's leading digits. */
    private static final Map<String, String> RANGE_OF_LOG_CLASS = Map.of(
            "core/src/main/java/dev/switchboard/core/Log.java", "1",
            "rar/src/main/java/dev/switchboard/rar/RaLog.java", "2",
            "sip/src/main/java/dev/switchboard/sip/provider/SipLog.java", "30",
            "sip/src/main/java/dev/switchboard/sip/rtp/MediaLog.java", "31",
            "console/src/main/java/dev/switchboard/console/ConsoleLog.java", "4",
            "metrics/src/main/java/dev/switchboard/metrics/MetricsLog.java", "5");

    private static Path root;
    private static final Map<String, List<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("docs/administrator-guide.md")).as("the repository root above core/").exists();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').contains("/src/main/java/"))
                    .forEach(MessageIdsTest::collect);
        }
        assertThat(USES).as("message ids found in the sources").hasSizeGreaterThan(40);
    }

    private static void collect(Path file) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        try {
            Matcher m = ID_IN_MESSAGE.matcher(Files.readString(file));
            while (m.find()) {
                USES.computeIfAbsent("SWB" + m.group(1), k -> new ArrayList<>()).add(rel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyIdNamesExactlyOneMessage() {
        Map<String, List<String>> reused = new TreeMap<>();
        USES.forEach((id, where) -> {
            if (where.size() > 1) {
                reused.put(id, where);
            }
        });
        assertThat(reused).as("ids used by more than one message").isEmpty();
    }

    @Test
    void messagesLiveInTheirModulesLogClassAndItsRange() {
        List<String> misplaced = new ArrayList<>();
        USES.forEach((id, where) -> where.forEach(file -> {
            String range = RANGE_OF_LOG_CLASS.get(file);
            if (range == null) {
                misplaced.add(id + " in " + file + " (not a module's log class)");
            } else if (!id.substring(3).startsWith(range)) {
                misplaced.add(id + " in " + file + " (that class owns SWB" + range + "xx)");
            }
        }));
        assertThat(misplaced).isEmpty();
    }

    @Test
    void theAdministratorsGuideListsEveryIdAndNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher m = ID_IN_GUIDE.matcher(Files.readString(root.resolve("docs/administrator-guide.md")));
        while (m.find()) {
            documented.add("SWB" + m.group(1));
        }
        Set<String> undocumented = new TreeSet<>(USES.keySet());
        undocumented.removeAll(documented);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(USES.keySet());
        assertThat(undocumented).as("ids missing from docs/administrator-guide.md's message table").isEmpty();
        assertThat(stale).as("ids in docs/administrator-guide.md that no code logs").isEmpty();
    }
}
