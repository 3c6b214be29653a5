package dev.switchboard.it.sip;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs SIPp as an external process against the adapter's SIP listener and returns its exit code
 * and its statistics file (-trace_stat): SIPp exits 0 only when every call succeeded.
 */
final class Sipp {
    static final String[] FILES = {"voice_then_t38.xml", "voice_cng_only.xml", "uac_voice_to_fax.xml",
            "uac_dtmf.xml", "bye_mid_handoff.xml", "cng_1100hz.pcap", "soak_rollback.xml", "soak_vanish.xml"};

    record Result(int exitCode, String statistics, String output, Path dir) {
        /** A cumulative counter of the last statistics line, such as FailedCall(C). */
        long counter(String column) {
            String[] lines = statistics.strip().split("\r?\n");
            List<String> header = Arrays.asList(lines[0].split(";"));
            int i = header.indexOf(column);
            if (i < 0 || lines.length < 2) {
                throw new AssertionError("no column " + column + " in SIPp statistics:\n" + statistics);
            }
            return Long.parseLong(lines[lines.length - 1].split(";")[i].trim());
        }

        String summary() {
            return "SIPp exit " + exitCode + " in " + dir + "\n" + output;
        }
    }

    private Sipp() {
    }

    /** Skips the test without sipp, or fails it when switchboard.requireSipp=true (CI). */
    static void assumeInstalled() {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "sipp")));
        if (!found && Boolean.getBoolean("switchboard.requireSipp")) {
            fail("sipp is not on the PATH but switchboard.requireSipp=true: install Debian's sip-tester");
        }
        Assumptions.assumeTrue(found, "sipp is not on the PATH: install Debian's sip-tester to run the SIP tests");
    }

    /** Runs {@code scenario} (a file of the sipp resources, or "uac" for SIPp's built-in one). */
    static Result run(int serverPort, String scenario, String service, String... extra) throws Exception {
        return start(serverPort, scenario, service, 90, extra).finish(120);
    }

    /** A SIPp process started by {@link #start} and not yet waited for. */
    record Running(Process process, List<String> command, Path dir) {
        /** Waits for SIPp to end (failing the test after {@code seconds}) and returns its result. */
        Result finish(long seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("SIPp did not end within " + seconds + " s: " + command);
            }
            String output = String.join(" ", command) + "\n" + tail(dir.resolve("output.txt")) + "\n"
                    + tail(dir.resolve("errors.log"));
            Path stats = dir.resolve("stats.csv");
            return new Result(process.exitValue(), Files.exists(stats) ? Files.readString(stats) : "", output, dir);
        }
    }

    /**
     * Starts SIPp on {@code scenario} without waiting for it; SIPp gives up on the whole run after
     * {@code timeoutSeconds} (-timeout), counting what is unfinished as failed.
     */
    static Running start(int serverPort, String scenario, String service, long timeoutSeconds, String... extra)
            throws Exception {
        Path dir = Files.createTempDirectory("sipp-");
        for (String f : FILES) {
            try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + f)) {
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> cmd = new ArrayList<>(List.of("sipp", "127.0.0.1:" + serverPort));
        cmd.addAll(scenario.endsWith(".xml") ? List.of("-sf", scenario) : List.of("-sn", scenario));
        cmd.addAll(List.of("-s", service, "-i", "127.0.0.1", "-p", String.valueOf(freePort(false)),
                "-mi", "127.0.0.1", "-mp", String.valueOf(freePort(true)), "-nostdin",
                "-recv_timeout", "15000", "-timeout", timeoutSeconds + "s", "-timeout_error",
                "-trace_stat", "-stf", "stats.csv", "-trace_err", "-error_file", "errors.log"));
        List<String> more = List.of(extra);
        cmd.addAll(more);
        if (!more.contains("-m")) {
            cmd.addAll(List.of("-m", "1"));
        }
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        return new Running(p, cmd, dir);
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A free UDP port; for media an even one whose +2 (SIPp's second stream) is free too. */
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
