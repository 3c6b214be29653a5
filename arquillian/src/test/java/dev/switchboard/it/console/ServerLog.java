package dev.switchboard.it.console;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test server's server.log from a mark on: what the server logged while a test ran. (One server for
 * the suite, tests one after another: lines after the mark are this test's, plus the server's own.)
 */
final class ServerLog {
    private final Path file = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
    private final long mark;

    private ServerLog() throws IOException {
        this.mark = Files.exists(file) ? Files.size(file) : 0;
    }

    /** A mark at the current end of the log. */
    static ServerLog mark() throws IOException {
        return new ServerLog();
    }

    /** The lines logged since the mark. */
    List<String> lines() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            if (length <= mark) {
                return List.of();
            }
            byte[] bytes = new byte[(int) (length - mark)];
            f.seek(mark);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The lines since the mark that contain every one of {@code parts}. */
    List<String> lines(String... parts) throws IOException {
        return lines().stream().filter(l -> {
            for (String p : parts) {
                if (!l.contains(p)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
