package dev.switchboard.sip.provider;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs SIPp as a process beside the provider, on loopback with free ports: as a far end the
 * provider calls (a UAS, started first, in the background) or as a caller (a UAC). SIPp exits 0
 * only when its call went exactly as its scenario says. The approach is the in-container tests'
 * (arquillian's {@code Sipp}); the scenarios are this module's, under {@code /sipp}.
 */
final class Sipp implements AutoCloseable {
    static final String[] SCENARIOS = {"uas_answer.xml", "uas_busy.xml", "uas_no_answer.xml", "uas_auth.xml",
            "uac_redirect.xml", "uac_refer_accept.xml", "uac_refer_fail.xml", "uac_orphan_bye.xml", "uac_orphan_bye_rr.xml", "uac_orphan_bye_proxy.xml", "uac_overload.xml"};

    private final Process process;
    private final List<String> command;
    private final Path dir;
    /** The SIP port SIPp listens on. */
    final int port;

    private Sipp(Process process, List<String> command, Path dir, int port) {
        this.process = process;
        this.command = command;
        this.dir = dir;
        this.port = port;
    }

    /** Skips the test without sipp, or fails it when switchboard.requireSipp=true (CI). */
    static void assumeInstalled() {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "sipp")));
        if (!found && Boolean.getBoolean("switchboard.requireSipp")) {
            fail("sipp is not on the PATH but switchboard.requireSipp=true: install Debian's sip-tester");
        }
        Assumptions.assumeTrue(found, "sipp is not on the PATH: install Debian's sip-tester to run the SIPp tests");
    }

    /** A far end running {@code scenario}, listening on a free port, for one call. */
    static Sipp uas(String scenario) throws IOException {
        return start(scenario, List.of());
    }

    /** A caller running {@code scenario} against the provider's port, calling {@code service} (the line). */
    static Sipp uac(int providerPort, String scenario, String service) throws IOException {
        return start(scenario, List.of("127.0.0.1:" + providerPort, "-s", service));
    }

    private static Sipp start(String scenario, List<String> target) throws IOException {
        Path dir = Files.createTempDirectory("sipp-");
        for (String f : SCENARIOS) {
            try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + f)) {
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        int port = freePort(false);
        List<String> cmd = new ArrayList<>(List.of("sipp"));
        cmd.addAll(target);
        cmd.addAll(List.of("-sf", scenario, "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-mi", "127.0.0.1", "-mp", String.valueOf(freePort(true)), "-m", "1", "-nostdin",
                "-recv_timeout", "15000", "-timeout", "60s", "-timeout_error",
                "-trace_err", "-error_file", "errors.log", "-trace_msg", "-message_file", "messages.log",
                "-trace_logs", "-log_file", "actions.log"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        return new Sipp(p, cmd, dir, port);
    }

    /** Waits for SIPp to end and fails the test, showing what SIPp saw, unless it exited 0. */
    void assertSucceeded() throws Exception {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("SIPp did not end within 90 s: " + String.join(" ", command) + "\n" + report());
        }
        if (process.exitValue() != 0) {
            fail("SIPp exited " + process.exitValue() + ": " + String.join(" ", command) + "\n" + report());
        }
    }

    /** What the scenario's log actions wrote (the checked headers, for instance). */
    String actions() throws IOException {
        Path log = dir.resolve("actions.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    private String report() throws IOException {
        return "in " + dir + "\n" + tail("errors.log") + "\n" + tail("messages.log") + "\n" + tail("output.txt");
    }

    private String tail(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            return "(no " + name + ")";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return "--- " + name + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** Ends SIPp if it still runs; its files stay only when it did not succeed, for the failure's reader. */
    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
            return;
        }
        if (process.exitValue() == 0) {
            deleteFiles();
        }
    }

    /** Removes SIPp's working directory (a test that expected SIPp to fail has read what it needed). */
    void deleteFiles() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** A free UDP port; for media an even one whose +1 and +2 are free too (SIPp's RTCP and second stream). */
    private static int freePort(boolean media) throws IOException {
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket s = new DatagramSocket(0)) {
                int port = s.getLocalPort();
                if (!media) {
                    return port;
                }
                if (port % 2 == 0 && port < 65000) {
                    try (DatagramSocket s2 = new DatagramSocket(port + 2); DatagramSocket s3 = new DatagramSocket(port + 1)) {
                        return port;
                    } catch (IOException e) {
                        // taken: try another
                    }
                }
            }
        }
        throw new IOException("no free UDP port pair for SIPp's media");
    }
}
