package dev.switchboard.it.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.core.sim.Simulator;
import dev.switchboard.core.sim.Simulators;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.File;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample applications of {@code switchboard.ear}, end to end on the simulated switch: the
 * real, Maven-built EAR is deployed (the test class is added to its console war, which runs it
 * in the container), calls are placed on the simulated switch, and the outcome is read where an
 * operator would read it: owners in {@link SwitchboardOperator#calls()}, rows in the ledger's
 * table, messages on the audit topic.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleApplicationsIT {

    private static final String CONSOLE_WAR = "switchboard-console.war";
    private static final long TIMEOUT_MILLIS = 15_000;

    @Deployment
    static EnterpriseArchive samplesEar() throws Exception {
        return samplesEar(SampleApplicationsIT.class);
    }

    /** The built EAR with {@code testClasses} (and Awaitility) in its console war, which runs them in the server. */
    static EnterpriseArchive samplesEar(Class<?>... testClasses) throws Exception {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, earFile().toFile());
        WebArchive console;
        try (InputStream in = ear.get(CONSOLE_WAR).getAsset().openStream()) {
            console = ShrinkWrap.create(WebArchive.class, CONSOLE_WAR).as(ZipImporter.class).importFrom(in)
                    .as(WebArchive.class);
        }
        console.addClasses(testClasses).addClasses(LedgerTable.class, dev.switchboard.it.Leaks.class)
                .addAsLibraries(jarOf(Awaitility.class), jarOf(org.hamcrest.Matcher.class));
        ear.delete(CONSOLE_WAR);
        ear.addAsModule(Testable.archiveToTest(console));
        return ear;
    }

    private static File jarOf(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The EAR the reactor built (the arquillian module depends on it, so it is built first). */
    static Path earFile() {
        Path ear = Path.of(System.getProperty("switchboard.ear", "../ear/target/switchboard.ear"));
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("the sample EAR " + ear.toAbsolutePath() + " is missing: build the ear"
                    + " module first (mvn -pl ear -am package) or point -Dswitchboard.ear at it");
        }
        return ear;
    }


    @Test
    void voiceCallThenDigit9IsHandedToFax_R10_R11_R18() throws Exception {
        SwitchboardOperator operator = operator();
        long mark = LedgerTable.mark();
        String sim = simulator().placeCall("line1", MediaMode.INTERACTIVEVOICE.bit(), "it-digit9").simulatedCallId();
        CallView call = awaitCall(operator, sim, "answered by voice", SampleApplicationsIT::answeredByVoice);

        simulator().sendDigits(sim, "9");

        CallView handed = awaitCall(operator, sim, "taken by fax alone", SampleApplicationsIT::takenByFax);
        assertTrue(handed.monitors().contains("audit"), "the audit monitor still watches: " + handed);
        assertEquals(List.of("voice G3FAX SUCCESS"), LedgerTable.rowsAfter(mark, call.callId()),
                "one ledger row for the handoff");
        hangUp(operator, sim);
    }

    @Test
    void voiceCallWithFaxToneIsHandedToFax_R17() throws Exception {
        SwitchboardOperator operator = operator();
        String sim = simulator().placeCall("line2", MediaMode.INTERACTIVEVOICE.bit(), "it-cng").simulatedCallId();
        awaitCall(operator, sim, "answered by voice", SampleApplicationsIT::answeredByVoice);

        simulator().detect(sim, MediaMode.G3FAX);

        awaitCall(operator, sim, "taken by fax alone", SampleApplicationsIT::takenByFax);
        hangUp(operator, sim);
    }

    @Test
    void unknownCallIsProbedAndHandedToFax_R6_R19() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName adapter = samplesAdapter(jmx);
        long nonXaHandoffsTimed = latencyCount(jmx, adapter, "handoffNonXa");
        SwitchboardOperator operator = operator();
        String sim = simulator().placeCall("line1", MediaMode.mask(MediaMode.UNKNOWN, MediaMode.G3FAX),
                "it-unknown").simulatedCallId();

        // fax ends up owner, and the media mode is the real mode alone (R19)
        awaitCall(operator, sim, "probed to fax", SampleApplicationsIT::takenByFax);
        assertEquals(nonXaHandoffsTimed + 1, latencyCount(jmx, adapter, "handoffNonXa"),
                "the prober probes outside any transaction: its one handoff, to fax, took the non-XA path");
        hangUp(operator, sim);
    }

    @Test
    void unknownCallIsProbedToDataModemFirstInProbeOrder_R6_R19() throws Exception {
        SwitchboardOperator operator = operator();
        // DATAMODEM comes before TDD in the probe order (R6), so the prober never needs to try TDD
        int modes = MediaMode.mask(MediaMode.UNKNOWN, MediaMode.TDD, MediaMode.DATAMODEM);
        String sim = simulator().placeCall("line2", modes, "it-modem").simulatedCallId();

        awaitCall(operator, sim, "probed to datamodem",
                c -> c.owners().equals(List.of("datamodem")) && c.mediaModes() == MediaMode.DATAMODEM.bit());
        hangUp(operator, sim);
    }

    @Test
    void unknownCallWithNoCandidateOwnerIsDropped_R20() throws Exception {
        SwitchboardOperator operator = operator();
        String sim = simulator().placeCall("line1", MediaMode.mask(MediaMode.UNKNOWN, MediaMode.TELEX),
                "it-telex").simulatedCallId();

        awaitGone(operator, sim, "dropped by the prober and deallocated by everyone");
    }

    @Test
    void ledgerRollbackUndoesHandoffAndRowTogether_R21() throws Exception {
        SwitchboardOperator operator = operator();
        long mark = LedgerTable.mark();
        String sim = simulator().placeCall("line1", MediaMode.INTERACTIVEVOICE.bit(), "it-rollback")
                .simulatedCallId();
        CallView call = awaitCall(operator, sim, "answered by voice", SampleApplicationsIT::answeredByVoice);

        // '8' hands off and writes the row, then rolls back; '9' then does it for real. Events of one
        // call are delivered in order, so when fax owns the call the rollback has happened: had the
        // '8' handoff committed, voice would have let go and never seen the '9'.
        simulator().sendDigits(sim, "89");

        awaitCall(operator, sim, "taken by fax alone", SampleApplicationsIT::takenByFax);
        assertEquals(List.of("voice G3FAX SUCCESS"), LedgerTable.rowsAfter(mark, call.callId()),
                "the rolled-back handoff left no row; the committed one left one");
        hangUp(operator, sim);
    }

    @Test
    void auditMonitorPublishesEveryEventToTheTopic_R5_R24() throws Exception {
        SwitchboardOperator operator = operator();
        ConnectionFactory jms = lookup("java:comp/DefaultJMSConnectionFactory", ConnectionFactory.class);
        Topic topic = lookup("java:app/jms/topic/switchboard/audit", Topic.class);
        try (JMSContext context = jms.createContext()) {
            JMSConsumer consumer = context.createConsumer(topic);
            String sim = simulator().placeCall("line2", MediaMode.G3FAX.bit(), "it-audit").simulatedCallId();
            String callId = awaitCall(operator, sim, "taken by fax", SampleApplicationsIT::takenByFax).callId();
            hangUp(operator, sim);

            List<String> states = new ArrayList<>();
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (!states.contains("IDLE") && System.currentTimeMillis() < deadline) {
                Message m = consumer.receive(500);
                if (m != null && callId.equals(m.getStringProperty("callId"))
                        && "CallStateEvent".equals(m.getStringProperty("eventType"))) {
                    String body = ((TextMessage) m).getText();
                    assertTrue(body.contains("\"callId\":\"" + callId + "\""), body);
                    states.add(body.replaceAll(".*\"state\":\"([A-Z]+)\".*", "$1"));
                }
            }
            assertEquals("OFFERING", states.isEmpty() ? "nothing" : states.get(0), "first audit message: " + states);
            assertTrue(states.containsAll(List.of("DISCONNECTED", "IDLE")), "audit messages: " + states);
        }
    }

    @Test
    void adapterFiguresAreVisibleOverJmx() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName adapter = samplesAdapter(jmx);
        long offered = (Long) jmx.getAttribute(adapter, "CallsOffered");
        long handedOff = (Long) jmx.getAttribute(adapter, "HandoffsSucceeded");
        long eventsTimed = latencyCount(jmx, adapter, "eventToHandler");
        long xaHandoffsTimed = latencyCount(jmx, adapter, "handoffXa");
        SwitchboardOperator operator = operator();

        String sim = simulator().placeCall("line1", MediaMode.INTERACTIVEVOICE.bit(), "it-jmx").simulatedCallId();
        awaitCall(operator, sim, "answered by voice", SampleApplicationsIT::answeredByVoice);
        assertTrue((Integer) jmx.getAttribute(adapter, "LiveCalls") >= 1, "the live call is counted");
        simulator().sendDigits(sim, "9");
        awaitCall(operator, sim, "taken by fax alone", SampleApplicationsIT::takenByFax);

        assertEquals(offered + 1, jmx.getAttribute(adapter, "CallsOffered"));
        assertEquals(handedOff + 1, jmx.getAttribute(adapter, "HandoffsSucceeded"), "voice's handoff to fax");
        assertTrue(List.of((String[]) jmx.getAttribute(adapter, "Lines")).contains("line1 (sim)"));
        assertTrue(latencyCount(jmx, adapter, "eventToHandler") >= eventsTimed + 2,
                "the offers to voice and to fax were timed on their way to the MDBs");
        assertEquals(xaHandoffsTimed + 1, latencyCount(jmx, adapter, "handoffXa"),
                "voice's handoff, in the ledger's XA transaction, was timed");
        hangUp(operator, sim);
    }

    /** The adapter MXBean of the samples' resource adapter (the one that serves 'voice'). */
    private static ObjectName samplesAdapter(MBeanServer jmx) throws Exception {
        return jmx.queryNames(new ObjectName("dev.switchboard:type=ResourceAdapter,*"), null).stream()
                .filter(n -> applications(jmx, n).contains("voice"))
                .findFirst().orElseThrow(() -> new AssertionError("no Switchboard adapter bean serves 'voice'"));
    }

    private static long latencyCount(MBeanServer jmx, ObjectName adapter, String histogram) throws Exception {
        for (javax.management.openmbean.CompositeData l
                : (javax.management.openmbean.CompositeData[]) jmx.getAttribute(adapter, "Latencies")) {
            if (histogram.equals(l.get("name"))) {
                return (Long) l.get("count");
            }
        }
        throw new AssertionError("no latency histogram '" + histogram + "' in " + adapter);
    }

    /**
     * The suite's leak invariant: the sample applications deallocate at IDLE, so once the simulated
     * callers hang up every call must go by itself, with nothing held by the providers (see Leaks).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void leavesNoCallHandleOrPortBehind() throws Exception {
        dev.switchboard.it.Leaks.hangUpAndAssertNothingHeld(factory());
    }

    // ---- helpers

    private static List<String> applications(MBeanServer jmx, ObjectName adapter) {
        try {
            return List.of((String[]) jmx.getAttribute(adapter, "Applications"));
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("cannot read " + adapter, e);
        }
    }

    /** Voice owns the call and has answered it, which it does once it listens for digits and tones. */
    static boolean answeredByVoice(CallView c) {
        return c.owners().equals(List.of("voice")) && c.state() == CallState.CONNECTED;
    }

    /** Fax alone owns the call and has set its media mode to G3FAX (R16). */
    static boolean takenByFax(CallView c) {
        return c.owners().equals(List.of("fax")) && c.mediaModes() == MediaMode.G3FAX.bit();
    }

    static SwitchboardOperator operator() throws NamingException {
        return factory().getOperator();
    }

    /** The demo's simulated switch: the connection factory offers it beside the public api. */
    static Simulator simulator() {
        try {
            return ((Simulators) factory()).simulator().orElseThrow();
        } catch (NamingException e) {
            throw new IllegalStateException("no connection factory", e);
        }
    }

    private static SwitchboardConnectionFactory factory() throws NamingException {
        return lookup("java:app/switchboard/ConnectionFactory", SwitchboardConnectionFactory.class);
    }

    private static <T> T lookup(String name, Class<T> type) throws NamingException {
        InitialContext ctx = new InitialContext();
        try {
            return type.cast(ctx.lookup(name));
        } finally {
            ctx.close();
        }
    }

    private static Optional<CallView> find(SwitchboardOperator operator, String simulatedId) {
        return operator.calls().stream().filter(c -> simulatedId.equals(c.providerCallId())).findFirst();
    }

    static CallView awaitCall(SwitchboardOperator operator, String simulatedId, String what,
                                      Predicate<CallView> done) {
        Optional<CallView> last = await(() -> find(operator, simulatedId), o -> o.filter(done).isPresent());
        assertTrue(last.filter(done).isPresent(), "call " + simulatedId + " not " + what + ": " + last);
        return last.get();
    }

    private static void awaitGone(SwitchboardOperator operator, String simulatedId, String what)
            {
        Optional<CallView> last = await(() -> find(operator, simulatedId), Optional::isEmpty);
        assertTrue(last.isEmpty(), "call " + simulatedId + " not " + what + ": " + last);
    }

    static void hangUp(SwitchboardOperator operator, String simulatedId) {
        simulator().hangUp(simulatedId);
        awaitGone(operator, simulatedId, "gone after hang-up (every application deallocates on IDLE)");
    }

    /** Polls {@code probe} until {@code done} (or the timeout) and returns what it saw last, for the caller's message. */
    private static <T> T await(Supplier<T> probe, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Awaitility.await().pollInSameThread().atMost(Duration.ofMillis(TIMEOUT_MILLIS))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        T value = probe.get();
                        last.set(value);
                        return done.test(value);
                    });
        } catch (ConditionTimeoutException e) {
            // the caller asserts on the last value seen, which says what was wrong
        }
        return last.get();
    }
}
