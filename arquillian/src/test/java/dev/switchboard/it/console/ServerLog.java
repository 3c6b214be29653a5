package dev.switchboard.it.console;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test server's log (WildFly's server.log, Open Liberty's messages.log) from a mark on: what the server logged while a test ran. (One server for
 * the suite, tests one after another: lines after the mark are this test's, plus the server's own.)
 */
final class ServerLog {
    private final Path file;
    private final long mark;

    private ServerLog(Path file) throws IOException {
        this.file = file;
        this.mark = Files.exists(file) ? Files.size(file) : 0;
    }

    /** A mark at the current end of the log. */
    static ServerLog mark() throws IOException {
        return new ServerLog(dev.switchboard.it.Deployments.onLiberty() ? liberty("messages.log")
                : Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
    }

    /**
     * A mark at the current end of the log that has DEBUG lines: server.log on WildFly (once a logger is set to
     * DEBUG), on Open Liberty trace.log, where server.xml's traceSpecification sends the console's FINE (DEBUG)
     * messages; messages.log never has them.
     */
    static ServerLog markDebug() throws IOException {
        return dev.switchboard.it.Deployments.onLiberty() ? new ServerLog(liberty("trace.log")) : mark();
    }

    private static Path liberty(String log) {
        return Path.of(System.getProperty("wlp.usr.dir"), "servers", "switchboard-it", "logs", log);
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

    /**
     * The lines since the mark without the entries (a line and its continuation lines, such as a stack trace) of
     * Open Liberty's messages.log whose first line has one of {@code messageIds}: what the server itself logs
     * and the application cannot change. On WildFly all lines.
     */
    List<String> linesWithoutLibertys(String... messageIds) throws IOException {
        if (!dev.switchboard.it.Deployments.onLiberty()) {
            return lines();
        }
        List<String> kept = new java.util.ArrayList<>();
        boolean skipping = false;
        for (String line : lines()) {
            if (line.startsWith("[")) { // a new entry: "[date] thread logger level message"
                skipping = java.util.Arrays.stream(messageIds).anyMatch(line::contains);
            }
            if (!skipping) {
                kept.add(line);
            }
        }
        return kept;
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
