package dev.switchboard.core.priority;

import dev.switchboard.api.MediaMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the lists in a small text file, one line per media mode: {@code G3FAX=fax,voice}.
 * Lines starting with {@code #} are comments. Saving writes a temporary file beside it and
 * renames it over the old one, so a crash never leaves half a file (R3).
 */
public final class FilePriorityStore implements PriorityStore {
    private final Path file;

    public FilePriorityStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Map<MediaMode, List<String>> load() {
        if (!Files.exists(file)) {
            return new EnumMap<>(MediaMode.class);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the priority lists from " + file, e);
        }
        return parse(lines, file.toString());
    }

    /** The lists in {@code lines}; {@code source} names them in messages. */
    private static Map<MediaMode, List<String>> parse(List<String> lines, String source) {
        Map<MediaMode, List<String>> lists = new EnumMap<>(MediaMode.class);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException(source + " line " + (i + 1) + ": expected MODE=app1,app2 but found "
                        + ApplicationNames.quoted(line));
            }
            MediaMode mode;
            try {
                mode = MediaMode.parse(line.substring(0, eq));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            List<String> names = new ArrayList<>();
            for (String entry : line.substring(eq + 1).split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                String name = entry.trim();
                String problem = ApplicationNames.problem(name);
                if (problem != null) {
                    throw new IllegalStateException(source + " line " + (i + 1) + ": application name "
                            + ApplicationNames.quoted(name) + " " + problem);
                }
                names.add(name);
            }
            lists.put(mode, names);
        }
        return lists;
    }

    /**
     * Writes {@code lists}, or refuses with IllegalArgumentException, writing nothing, when they hold a
     * name the file could not give back as it is (see {@link ApplicationNames}): a name with a comma,
     * a line break or padding would come back as other names, or inject another mode's line.
     */
    @Override
    public synchronized void save(Map<MediaMode, List<String>> lists) {
        StringBuilder text = new StringBuilder("# Switchboard priority lists (R1): MODE=first,second,...\n");
        lists.forEach((mode, names) -> {
            for (String name : names) {
                String problem = ApplicationNames.problem(name);
                if (problem != null) {
                    throw new IllegalArgumentException("cannot save the priority list for " + mode + " to " + file
                            + ": application name " + ApplicationNames.quoted(name) + " " + problem);
                }
            }
            text.append(mode.name()).append('=').append(String.join(",", names)).append('\n');
        });
        Map<MediaMode, List<String>> readBack = parse(text.toString().lines().toList(), file.toString());
        if (!readBack.equals(PriorityLists.deepCopy(lists))) {
            throw new IllegalArgumentException("cannot save the priority lists to " + file + ": " + lists
                    + " would read back as " + readBack);
        }
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the priority lists to " + file, e);
        }
    }
}
