package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other suite (junit-platform.properties orders classes by {@code @Order}) in the
 * same server, once their deployments are gone: no adapter is still registered, no thread still
 * runs the adapter's code, and the server holds no UDP socket on the SIP and RTP ports the suites
 * used. Each suite checks its own calls and ports while its adapter runs ({@link Leaks}); this
 * proves that stopping the adapters let go of the rest.
 */
@ExtendWith(ArquillianExtension.class)
@Order(Integer.MAX_VALUE)
class NothingLeftIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The SIP ports (5060-5999) and RTP ranges (40000-43999) of the suites and of a default adapter. */
    private static final int[][] SWITCHBOARD_UDP = {{5060, 5999}, {40000, 43999}};

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "nothing-left.war")
                .addClass(NothingLeftIT.class) // no switchboard class: there is no adapter left to see them
                .addAsLibraries(Deployments.jarOf(org.awaitility.Awaitility.class),
                        Deployments.jarOf(org.hamcrest.Matcher.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    void noAdapterIsLeftRegistered() {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(Set.of(), ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("dev.switchboard:type=ResourceAdapter,*"), null), "adapters still registered"));
    }

    @Test
    void noThreadStillRunsTheAdaptersCode() {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(), threadsInAdapterCode(),
                "threads running dev.switchboard code (a media reader, a call's handler, a delivery)"));
    }

    @Test
    void noUdpSocketIsLeftOnTheSipAndRtpPorts() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs Linux's /proc");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(), switchboardUdpPorts(fds),
                "UDP ports of the SIP listener or RTP range still bound by the server"));
    }

    private static List<String> threadsInAdapterCode() {
        List<String> found = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            if (t.getKey() == Thread.currentThread()) {
                continue;
            }
            for (StackTraceElement frame : t.getValue()) {
                String c = frame.getClassName();
                if (c.startsWith("dev.switchboard.") && !c.startsWith("dev.switchboard.it.")) {
                    found.add(t.getKey().getName() + " at " + frame);
                    break;
                }
            }
        }
        return found;
    }

    /** The local ports of the UDP sockets this process holds in the switchboard's ranges (/proc/net/udp). */
    private static List<Integer> switchboardUdpPorts(Path fds) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> links = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) links::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        List<Integer> ports = new ArrayList<>();
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && inodes.contains(f[9])) {
                    int port = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                    for (int[] range : SWITCHBOARD_UDP) {
                        if (port >= range[0] && port <= range[1]) {
                            ports.add(port);
                        }
                    }
                }
            }
        }
        return ports;
    }
}
