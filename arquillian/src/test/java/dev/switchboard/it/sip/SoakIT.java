package dev.switchboard.it.sip;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.Leaks;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live SIP listener under hostile and long traffic (issue 11, deliverables 4 and 8), last of the
 * suites before {@code NothingLeftIT}.
 *
 * <ol>
 *   <li>A mutation run: a few thousand mutated INVITE, OPTIONS, INFO and BYE datagrams (seeded);
 *   after every batch the listener still answers an OPTIONS with 200 and a SIPp call succeeds; at
 *   the end no call or port is held and server.log has no stack trace through switchboard code.</li>
 *   <li>A soak: SIPp callers side by side for {@code switchboard.soak.seconds} (default 60; 600 for
 *   the documented run, see docs/soak.md): plain calls, digit and T.38 handoffs, offers every G4FAX
 *   application refuses (a rollback, a throwing handler), BYEs mid-handoff, callers that vanish
 *   after the ACK, with malformed SIP and RTP datagrams mixed in. At the end every call has ended
 *   and was answered, each with the owner its scenario leads to, and heap and threads are back
 *   near where they started.</li>
 * </ol>
 *
 * <p>On WildFly and Open Liberty, like {@link SipCallsIT}: the adapter's configuration is in the archive
 * ({@code ironjacamar.xml}, and on Liberty the same properties in its {@code ra.xml}); the two extra
 * applications' activation specs are in Liberty's server.xml. The stack traces are looked for in the
 * server's own log: WildFly's server.log, Liberty's messages.log ({@link #serverLog()}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE - 1)
class SoakIT {
    /** Neither SipCallsIT's 5162 nor the suite's 5160. */
    static final int SIP_PORT = 5164;
    private static final int RTP_FIRST = 42000;
    private static final int RTP_LAST = 42999;
    /** The RTP inactivity timeout that ends the vanished callers' calls. */
    private static final int RTP_TIMEOUT_SECONDS = 5;
    private static final long MB = 1024 * 1024;
    private static final Pattern SWITCHBOARD_FRAME = Pattern.compile("^\\s+at dev\\.switchboard\\.(?!it\\.).*");

    @Deployment
    static EnterpriseArchive deployment() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("sipRtpPortRange", RTP_FIRST + "-" + RTP_LAST);
        config.put("sipRtpTimeoutSeconds", String.valueOf(RTP_TIMEOUT_SECONDS));
        config.put("sipMaxCallSeconds", "120"); // a backstop: no soak call is meant to live this long
        // the mutation run sends hundreds of INVITEs a second from one address; the limit stays on, out of its way
        config.put("sipRateLimit", "5000");
        config.put("sipRateBurst", "10000");
        config.put("sipMaxCalls", "1000");
        return SipDeployments.ear(SIP_PORT, SipCallsIT.WILDFLY_FACTORY, config,
                new Class<?>[] {SoakRollbackApp.class, SoakThrowingApp.class},
                SoakIT.class, SipCallsIT.class, Sipp.class, SipProbe.class, SipMutator.class, Scenario.class);
    }

    private SipResults results;

    @BeforeEach
    void setUp() throws Exception {
        Sipp.assumeInstalled();
        results = InitialContext.doLookup("java:app/sip-apps/SipResults");
    }

    @Test
    @Order(1)
    void mutatedDatagramsLeaveTheListenerAnsweringAndLeakNothing() throws Exception {
        Path log = serverLog();
        long mark = Files.size(log);
        long start = System.nanoTime();
        int sent = 0;
        int batches = 0;
        try (SipProbe probe = new SipProbe(SIP_PORT)) {
            SipMutator mutator = new SipMutator(20261130L, SIP_PORT, probe.localPort());
            while (batches < 15 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
                for (int i = 0; i < 200; i++, sent++) {
                    probe.send(mutator.mutant(true));
                }
                batches++;
                String after = "after batch " + batches + " (" + sent + " datagrams)";
                await(after).atMost(Duration.ofSeconds(10))
                        .until(() -> String.valueOf(probe.options(1000)).startsWith("SIP/2.0 200"));
                Sipp.Result call = Sipp.run(SIP_PORT, "uac", "voice-in");
                assertEquals(0, call.exitCode(), () -> after + ": " + call.summary());
            }
        }
        long sendingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(sent >= 1000, "only " + sent + " mutated datagrams in 20 s");
        awaitNothingHeld(Duration.ofSeconds(90));
        List<String> frames = newLines(log, mark).stream().filter(l -> SWITCHBOARD_FRAME.matcher(l).matches()).toList();
        assertEquals(List.of(), frames, "stack trace frames of switchboard code in " + log + " after "
                + sent + " mutated datagrams");
        report("mutation run: " + sent + " datagrams in " + batches + " batches in " + sendingMillis
                + " ms, OPTIONS 200 and a SIPp call after each; nothing held after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms; no switchboard stack frame logged");
    }

    /** A SIPp caller of the soak: its scenario, line, one call per {@code everyMillis}, and the owners its calls end with. */
    record Scenario(String file, String line, int everyMillis, Set<String> owners, String digits) {
        int calls(int seconds) {
            return Math.max(1, seconds * 1000 / everyMillis);
        }
    }

    private static final List<Scenario> LOAD = List.of(
            new Scenario("uac", "voice-in", 333, Set.of(SipVoiceApp.NAME), ""),
            new Scenario("uac_dtmf.xml", "voice-in", 1000, Set.of(SipFaxApp.NAME), "5*1"),
            new Scenario("voice_then_t38.xml", "voice-in", 2000, Set.of(SipFaxApp.NAME), ""),
            new Scenario("soak_rollback.xml", "voice-in", 2000, Set.of(SipVoiceApp.NAME), "8"),
            new Scenario("bye_mid_handoff.xml", "slow-fax", 2000, Set.of(SipFaxApp.NAME), ""),
            new Scenario("soak_vanish.xml", "voice-in", 2000, Set.of(SipVoiceApp.NAME), ""));

    @Test
    @Order(2)
    void soakEndsEveryCallLosesNoneAndGivesHeapAndThreadsBack() throws Exception {
        int seconds = Integer.getInteger("switchboard.soak.seconds", 60);
        awaitNothingHeld(Duration.ofSeconds(90));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = heapAfterGc(memory);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        Set<String> callsBefore = results.ownersAtIdle().keySet();
        Path log = serverLog();
        long mark = Files.size(log);

        long start = System.nanoTime();
        List<Sipp.Running> running = new ArrayList<>();
        for (Scenario s : LOAD) {
            running.add(Sipp.start(SIP_PORT, s.file(), s.line(), seconds + 60L, "-r", "1", "-rp",
                    String.valueOf(s.everyMillis()), "-m", String.valueOf(s.calls(seconds))));
        }
        AtomicLong garbage = new AtomicLong();
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        try (SipProbe probe = new SipProbe(SIP_PORT)) {
            SipMutator mutator = new SipMutator(4733L, SIP_PORT, probe.localPort());
            // 10 malformed SIP datagrams (never an INVITE: no stray calls) and 10 RTP ones a second
            sender.scheduleAtFixedRate(() -> {
                try {
                    probe.send(mutator.mutant(false));
                    probe.send(mutator.rtpGarbage(), RTP_FIRST + 2 * (int) (garbage.get() % ((RTP_LAST - RTP_FIRST) / 2)));
                    garbage.addAndGet(2);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot send garbage", e);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            List<String> failures = new ArrayList<>();
            long expected = 0;
            StringBuilder figures = new StringBuilder();
            for (int i = 0; i < LOAD.size(); i++) {
                Scenario s = LOAD.get(i);
                Sipp.Result r = running.get(i).finish(seconds + 120L);
                long ok = r.counter("SuccessfulCall(C)");
                long failed = r.counter("FailedCall(C)");
                figures.append(String.format("%n  %-20s %-8s %5d calls, %5d failed", s.file(), s.line(), ok, failed));
                if (r.exitCode() != 0 || failed != 0 || ok != s.calls(seconds)) {
                    failures.add(s.file() + ": " + r.summary());
                }
                expected += ok;
            }
            sender.shutdown();
            assertTrue(sender.awaitTermination(10, TimeUnit.SECONDS), "garbage sender did not stop");
            assertEquals(List.of(), failures, "SIPp callers that lost or failed calls");
            long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            // every answered call went IDLE, with the owners its scenario leads to
            long total = expected;
            Map<String, Set<String>> calls = new LinkedHashMap<>();
            await("every soak call IDLE").atMost(Duration.ofSeconds(120)).until(() -> {
                calls.clear();
                results.ownersAtIdle().forEach((id, owners) -> {
                    if (!callsBefore.contains(id)) {
                        calls.put(id, owners);
                    }
                });
                return calls.size() >= total;
            });
            assertEquals(total, calls.size(), "calls that went IDLE against calls SIPp made");
            Map<String, List<String>> problems = results.problems();
            calls.keySet().forEach(id -> assertEquals(null, problems.get(id), "problems of " + id));
            for (Scenario s : LOAD) {
                if (!s.digits().isEmpty()) {
                    long n = calls.entrySet().stream().filter(e -> results.digits(e.getKey()).equals(s.digits()))
                            .peek(e -> assertEquals(s.owners(), e.getValue(), s.file() + " call " + e.getKey()))
                            .count();
                    assertEquals(s.calls(seconds), n, s.file() + " calls seen by the applications");
                }
            }
            // the owners at IDLE, tallied, are what the scenarios lead to: none lost, none unowned
            Map<Set<String>, Long> expectedOwners = new HashMap<>();
            LOAD.forEach(s -> expectedOwners.merge(s.owners(), (long) s.calls(seconds), Long::sum));
            Map<Set<String>, Long> owners = new HashMap<>();
            calls.values().forEach(o -> owners.merge(o, 1L, Long::sum));
            assertEquals(expectedOwners, owners, "calls by their owners at IDLE");

            awaitNothingHeld(Duration.ofSeconds(120));
            Leaks.assertNothingHeld();
            // the vanished callers' calls were ended by the server's RTP inactivity clock, not by anything else
            long vanished = LOAD.stream().filter(s -> s.file().equals("soak_vanish.xml")).mapToLong(s -> s.calls(seconds)).sum();
            long rtpTimeouts = newLines(log, mark).stream().filter(l -> l.contains("SWB3053")).count();
            assertTrue(rtpTimeouts >= vanished, rtpTimeouts + " RTP timeouts (SWB3053) for " + vanished + " vanished callers");
            long heapAfter = heapAfterGc(memory);
            // pools (EJB instances, WorkManager and undertow threads) grow under load and shrink when idle
            int threadsAllowed = threadsBefore + 10;
            await("threads back near " + threadsBefore).atMost(Duration.ofSeconds(120))
                    .until(() -> ManagementFactory.getThreadMXBean().getThreadCount() <= threadsAllowed);
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            long heapAllowed = heapBefore + Math.max(64 * MB, heapBefore / 2);
            await("heap back near " + heapBefore / MB + " MB").atMost(Duration.ofSeconds(60))
                    .until(() -> heapAfterGc(memory) <= heapAllowed);
            heapAfter = Math.min(heapAfter, heapAfterGc(memory));
            report(String.format("soak %d s (load ran %d ms): %d calls (%.1f/s), %d garbage datagrams, "
                            + "0 failed, %d RTP timeouts, owners %s; heap after GC %d MB -> %d MB, threads %d -> %d%s",
                    seconds, loadMillis, total, total * 1000.0 / loadMillis, garbage.get(), rtpTimeouts, owners,
                    heapBefore / MB, heapAfter / MB, threadsBefore, threadsAfter, figures));
        } finally {
            sender.shutdownNow();
        }
    }

    /** The MXBean invariant of {@link Leaks}, waited for longer: unanswered calls end on their timers. */
    private static void awaitNothingHeld(Duration atMost) throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> adapters = jmx.queryNames(new ObjectName("dev.switchboard:type=ResourceAdapter,*"), null);
        await("no call, dialog or RTP port held").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (ObjectName a : adapters) {
                for (String attribute : List.of("LiveCalls", "ProviderCalls", "ProviderMediaPorts")) {
                    if (((Number) jmx.getAttribute(a, attribute)).longValue() != 0) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static List<String> newLines(Path log, long mark) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = mark <= all.length ? (int) mark : 0; // rotated meanwhile: read it all
        return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * The log of the server this test runs in: WildFly's server.log (jboss.server.log.dir), or Open Liberty's
     * messages.log, which has the same WARNING and ERROR entries with their stack traces, in the logs directory
     * the suite's arquillian.xml passes to Liberty's JVM (switchboard.it.libertyLogDir).
     */
    static Path serverLog() {
        String wildfly = System.getProperty("jboss.server.log.dir");
        if (wildfly != null) {
            return Path.of(wildfly, "server.log");
        }
        String liberty = System.getProperty("switchboard.it.libertyLogDir");
        if (liberty != null) {
            return Path.of(liberty, "messages.log");
        }
        throw new IllegalStateException("neither jboss.server.log.dir (WildFly) nor switchboard.it.libertyLogDir "
                + "(Liberty, arquillian.xml) is set: which server's log should be read?");
    }

    /** The figures, on the server's console log and in soak-figures.txt beside the server's log. */
    private static void report(String line) throws IOException {
        System.out.println("SOAK " + line);
        Files.writeString(serverLog().resolveSibling("soak-figures.txt"), line + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
