package dev.switchboard.sip.provider;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Kamailio as a record-routing proxy in front of one provider, on a free loopback port,
 * in the foreground ({@code -DD -E}) with the test's own config ({@code /kamailio/record-route.cfg}),
 * stopped at the end. Tests that need it are skipped when kamailio is not installed.
 */
final class Kamailio implements AutoCloseable {
    private final Process process;
    private final Path dir;
    final int port;

    private Kamailio(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The kamailio binary, on the PATH or in /usr/sbin (not on a plain user's PATH). */
    static Optional<Path> binary() {
        return Arrays.stream((System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin")
                        .split(File.pathSeparator))
                .map(d -> Path.of(d, "kamailio")).filter(Files::isExecutable).findFirst();
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(binary().isPresent(), "kamailio is not installed (Debian's kamailio package)");
    }

    /** Starts Kamailio sending new calls to {@code nodePort}; returns once it relays a request there. */
    static Kamailio start(int nodePort) throws IOException {
        Path dir = Files.createTempDirectory("kamailio-");
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        String cfg;
        try (InputStream in = Kamailio.class.getResourceAsStream("/kamailio/record-route.cfg")) {
            cfg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("kamailio.cfg"), cfg.replace("PROXY_PORT", String.valueOf(port))
                .replace("NODE_PORT", String.valueOf(nodePort)));
        Process p = new ProcessBuilder(List.of(binary().orElseThrow().toString(), "-f", "kamailio.cfg", "-DD", "-E",
                "-m", "32", "-M", "4", "-P", dir.resolve("kamailio.pid").toString(), "-Y", dir.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile())
                .start();
        Kamailio k = new Kamailio(p, dir, port);
        try {
            // an OPTIONS through it that the node answers: Kamailio is listening and relays
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!p.isAlive()) {
                    throw new IllegalStateException("kamailio exited " + p.exitValue() + ": " + k.output());
                }
                try (SipPeer peer = new SipPeer(port)) {
                    peer.send("OPTIONS", "sales", null, null);
                    return peer.receivesAnythingWithin(300);
                } catch (IOException e) {
                    return false; // ICMP port unreachable before it binds
                }
            });
        } catch (RuntimeException e) {
            k.close();
            throw e;
        }
        return k;
    }

    /** What Kamailio logged (its xlog lines name every in-dialog request it relayed). */
    String output() throws IOException {
        return Files.readString(dir.resolve("output.txt"), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a temporary directory left behind is no failure of the test
        }
    }
}
