package dev.switchboard.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.operator.CallArrived;
import dev.switchboard.api.operator.OperatorEvent;
import dev.switchboard.api.operator.OperatorStatistics;
import dev.switchboard.api.operator.OperatorSubscription;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.Simulator;
import dev.switchboard.core.sim.Simulators;
import dev.switchboard.rar.inbound.SwitchboardActivationSpec;
import dev.switchboard.rar.outbound.ApplicationRequestInfo;
import dev.switchboard.rar.outbound.SwitchboardManagedConnectionFactory;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter with a fake container: configuration, inbound delivery and retries (R23), pooled connections. */
class ResourceAdapterTest {
    @TempDir
    Path dir;

    private final Fakes.ImmediateWorkManager workManager = new Fakes.ImmediateWorkManager();
    private SwitchboardResourceAdapter ra;

    @BeforeEach
    void start() throws Exception {
        ra = new SwitchboardResourceAdapter();
        ra.setProvider("sim"); // the default also starts a SIP listener, which these tests do not need
        ra.setPriorityFile(dir.resolve("priorities.properties").toString());
        ra.setAdminPriorities("G3FAX=fax2");
        ra.start(Fakes.bootstrap(workManager));
    }

    @AfterEach
    void stop() {
        ra.stop();
    }

    private static SwitchboardActivationSpec spec(String app, String modes) {
        return Fakes.spec(app, modes);
    }

    private String placeFax() throws Exception {
        return Fakes.placeFax(ra);
    }

    private CallView callOf(String simId) throws Exception {
        return Fakes.callOf(ra, simId);
    }

    @Test
    void deliversOnWorkManagerThreadsWithPairedCallbacksAndReleasedEndpoint() throws Exception {
        List<CallEvent> got = new CopyOnWriteArrayList<>();
        Fakes.EndpointFactory fax = new Fakes.EndpointFactory(true, got::add);
        ra.endpointActivation(fax, spec("fax", "G3FAX:1"));

        placeFax();

        assertThat(got).singleElement().matches(e -> ((CallStateEvent) e).offersOwnership());
        assertThat(workManager.works.get()).isPositive();
        assertThat(fax.calls).containsExactly("before", "deliver", "after", "release");
    }

    @Test
    void failingOwnerIsRetriedThenTheCallGoesToTheNextApplication_R23() throws Exception {
        Fakes.EndpointFactory failing = new Fakes.EndpointFactory(false, e -> {
            throw new IllegalStateException("refused");
        });
        List<CallEvent> backupGot = new CopyOnWriteArrayList<>();
        Fakes.EndpointFactory backup = new Fakes.EndpointFactory(false, backupGot::add);
        ra.endpointActivation(failing, spec("fax", "G3FAX:1"));
        ra.endpointActivation(backup, spec("backup", "G3FAX:2"));

        String sim = placeFax();

        assertThat(failing.created.get()).isEqualTo(3); // 1 + deliveryRetries (2)
        assertThat(failing.released.get()).isEqualTo(3);
        assertThat(failing.calls.stream().filter("before"::equals).count())
                .isEqualTo(failing.calls.stream().filter("after"::equals).count());
        assertThat(backupGot).singleElement().matches(e -> ((CallStateEvent) e).offersOwnership());
        assertThat(callOf(sim).owners()).containsExactly("backup");
    }

    @Test
    void rolledBackDeliveryTransactionCountsAsFailure_R23() throws Exception {
        Fakes.EndpointFactory rollingBack = new Fakes.EndpointFactory(true, e -> { });
        rollingBack.rollbackNext = true;
        List<CallEvent> backupGot = new CopyOnWriteArrayList<>();
        ra.endpointActivation(rollingBack, spec("fax", "G3FAX:1"));
        ra.endpointActivation(new Fakes.EndpointFactory(true, backupGot::add), spec("backup", "G3FAX:2"));

        String sim = placeFax();

        assertThat(rollingBack.created.get()).isEqualTo(3);
        assertThat(backupGot).hasSize(1);
        assertThat(callOf(sim).owners()).containsExactly("backup");
    }

    @Test
    void deactivationOffersOwnedCallsToTheNextApplication_R7() throws Exception {
        Fakes.EndpointFactory first = new Fakes.EndpointFactory(false, e -> { });
        SwitchboardActivationSpec firstSpec = spec("fax", "G3FAX:1");
        List<CallEvent> backupGot = new CopyOnWriteArrayList<>();
        ra.endpointActivation(first, firstSpec);
        ra.endpointActivation(new Fakes.EndpointFactory(false, backupGot::add), spec("backup", "G3FAX:2"));
        String sim = placeFax();
        assertThat(callOf(sim).owners()).containsExactly("fax");

        ra.endpointDeactivation(first, firstSpec);

        assertThat(callOf(sim).owners()).containsExactly("backup");
        assertThat(backupGot).anyMatch(e -> e instanceof CallStateEvent s && s.offersOwnership());
    }

    @Test
    void operatorsGetCallEventsOnWorkManagerThreadsAndTheAdaptersOwnCounts() throws Exception {
        ra.endpointActivation(new Fakes.EndpointFactory(false, e -> { }), spec("fax", "G3FAX:1"));
        List<OperatorEvent> seen = new CopyOnWriteArrayList<>();
        OperatorSubscription subscription = ra.requireRuntime().operator().subscribe(seen::add);
        int worksBefore = workManager.works.get();

        String sim = placeFax();

        assertThat(seen).singleElement().isInstanceOfSatisfying(CallArrived.class,
                a -> assertThat(a.call().owners()).containsExactly("fax"));
        assertThat(seen.get(0).callId()).isEqualTo(callOf(sim).callId());
        assertThat(workManager.works.get()).as("the delivery to fax and the one to the operator")
                .isGreaterThanOrEqualTo(worksBefore + 2);
        OperatorStatistics stats = ra.requireRuntime().operator().statistics();
        assertThat(stats.callsOffered()).isEqualTo(1);
        assertThat(stats.liveCalls()).isEqualTo(1);
        assertThat(stats.applications()).isEqualTo(1);

        ra.stop();
        assertThat(subscription.isOpen()).as("closed with the adapter").isFalse();
        ra = new SwitchboardResourceAdapter(); // for stop() after the test
        ra.setProvider("sim");
        ra.setPriorityFile(dir.resolve("priorities.properties").toString());
        ra.start(Fakes.bootstrap(workManager));
    }

    @Test
    void runtimeFiguresArePublishedOverJmxWhileTheAdapterRuns() throws Exception {
        ra.endpointActivation(new Fakes.EndpointFactory(false, e -> { }), spec("fax", "G3FAX:1"));
        placeFax();
        placeFax();
        javax.management.ObjectName name = ra.requireRuntime().statistics().objectName();
        javax.management.MBeanServer jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();

        assertThat(name.getKeyProperty("type")).isEqualTo("ResourceAdapter");
        assertThat((String[]) jmx.getAttribute(name, "Lines")).containsExactly("line1 (sim)", "line2 (sim)");
        assertThat((String[]) jmx.getAttribute(name, "Applications")).containsExactly("fax");
        assertThat(jmx.getAttribute(name, "CallsOffered")).isEqualTo(2L);
        assertThat(jmx.getAttribute(name, "LiveCalls")).isEqualTo(2);
        assertThat(jmx.getAttribute(name, "UnownedCalls")).isEqualTo(0);
        javax.management.openmbean.CompositeData[] latencies =
                (javax.management.openmbean.CompositeData[]) jmx.getAttribute(name, "Latencies");
        assertThat(latencies).extracting(l -> l.get("name"))
                .containsExactly("eventToHandler", "readyToHandler", "handoffNonXa", "handoffXa", "answerTo200");
        assertThat(latencies[0].get("count")).as("each offer's delivery to fax was timed").isEqualTo(2L);
        assertThat((double) latencies[0].get("maxMicros")).isPositive();
        assertThat(ra.requireRuntime().operator().statistics().latencies().get(0).count()).isEqualTo(2);
        jmx.invoke(name, "resetLatencies", null, null);
        latencies = (javax.management.openmbean.CompositeData[]) jmx.getAttribute(name, "Latencies");
        assertThat(latencies[0].get("count")).isEqualTo(0L);

        ra.stop();
        assertThat(jmx.isRegistered(name)).as("unregistered when the adapter stops").isFalse();
        ra = new SwitchboardResourceAdapter(); // for stop() after the test
        ra.setProvider("sim");
        ra.setPriorityFile(dir.resolve("priorities.properties").toString());
        ra.start(Fakes.bootstrap(workManager));
    }

    @Test
    void badActivationIsRefusedBeforeOpeningLines() throws Exception {
        assertThatThrownBy(() -> ra.endpointActivation(new Fakes.EndpointFactory(false, e -> { }), spec("x", "BOGUS:1")))
                .isInstanceOf(InvalidPropertyException.class).hasMessageContaining("mediaModes 'BOGUS:1'");
        SwitchboardActivationSpec unknownLine = spec("y", "G3FAX:1");
        unknownLine.setLines("nowhere");
        assertThatThrownBy(() -> ra.endpointActivation(new Fakes.EndpointFactory(false, e -> { }), unknownLine))
                .hasMessageContaining("'nowhere'");
        assertThat(ra.requireRuntime().activeApplications()).isEmpty();
    }

    @Test
    void adminPrioritiesSeedTheFileAndComeFirst_R1() throws Exception {
        ra.endpointActivation(new Fakes.EndpointFactory(false, e -> { }), spec("fax", "G3FAX:1"));
        ra.endpointActivation(new Fakes.EndpointFactory(false, e -> { }), spec("fax2", "G3FAX:5"));
        assertThat(ra.requireRuntime().operator().effectivePriority("line1", MediaMode.G3FAX))
                .containsExactly("fax2", "fax");
        assertThat(Files.readString(dir.resolve("priorities.properties"))).contains("G3FAX=fax2");
    }

    @Test
    void simulatedSwitchAndSipProviderRunTogether() throws Exception {
        SwitchboardResourceAdapter both = new SwitchboardResourceAdapter();
        int port;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        System.setProperty("switchboard.it.sipPort", String.valueOf(port));
        try {
            both.setPriorityFile(dir.resolve("both.properties").toString());
            both.setSipPort("${switchboard.it.sipPort:5060}");
            both.setSipLines("fax-in,sales");
            both.setSipDefaultLine("sales");
            both.start(Fakes.bootstrap(new Fakes.ThreadPerWorkManager())); // the SIP media engine's loops need threads
            assertThat(both.requireRuntime().operator().lines())
                    .containsExactly("line1 (sim)", "line2 (sim)", "fax-in (sip)", "sales (sip)");
            // the expression was resolved: the SIP port is taken now
            assertThatThrownBy(() -> new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress()).close())
                    .isInstanceOf(java.net.SocketException.class);
        } finally {
            both.stop();
            System.clearProperty("switchboard.it.sipPort");
        }
    }

    @Test
    void providerListAndSipSettingsAreCheckedNamingPropertyAndValue() {
        SwitchboardResourceAdapter twice = new SwitchboardResourceAdapter();
        twice.setProvider("sim,sim");
        assertThatThrownBy(() -> twice.start(Fakes.bootstrap(workManager))).hasMessageContaining("provider 'sim,sim'");
        SwitchboardResourceAdapter badPort = new SwitchboardResourceAdapter();
        badPort.setProvider("sip");
        badPort.setSipPort("70000");
        assertThatThrownBy(() -> badPort.start(Fakes.bootstrap(workManager))).hasMessageContaining("sipPort '70000'");
        SwitchboardResourceAdapter clash = new SwitchboardResourceAdapter();
        clash.setSipLines("line1");
        clash.setSipPort("${switchboard.no.such.property}");
        assertThatThrownBy(() -> clash.start(Fakes.bootstrap(workManager)))
                .hasMessageContaining("sipPort '${switchboard.no.such.property}'");
    }

    @Test
    void badAdapterConfigIsRefusedNamingPropertyAndValue() {
        SwitchboardResourceAdapter bad = new SwitchboardResourceAdapter();
        bad.setProvider("carrier-pigeon");
        assertThatThrownBy(() -> bad.start(Fakes.bootstrap(workManager)))
                .isInstanceOf(ResourceAdapterInternalException.class)
                .hasMessageContaining("provider 'carrier-pigeon'").hasMessageContaining("[sim");
        SwitchboardResourceAdapter badRetries = new SwitchboardResourceAdapter();
        badRetries.setDeliveryRetries(-1);
        assertThatThrownBy(() -> badRetries.start(Fakes.bootstrap(workManager))).hasMessageContaining("deliveryRetries '-1'");
        SwitchboardResourceAdapter badLists = new SwitchboardResourceAdapter();
        badLists.setAdminPriorities("FAXX=a");
        assertThatThrownBy(() -> badLists.start(Fakes.bootstrap(workManager))).hasMessageContaining("adminPriorities 'FAXX=a'");
    }

    @Test
    void connectionsMatchOnApplicationAndReportClose() throws Exception {
        ra.endpointActivation(new Fakes.EndpointFactory(false, e -> { }), spec("fax", "G3FAX:1"));
        ra.endpointActivation(new Fakes.EndpointFactory(false, e -> { }), spec("voice", "INTERACTIVEVOICE:1"));
        SwitchboardManagedConnectionFactory mcf = new SwitchboardManagedConnectionFactory();
        mcf.setResourceAdapter(ra);

        ManagedConnection faxMc = mcf.createManagedConnection(null, new ApplicationRequestInfo("fax"));
        ManagedConnection voiceMc = mcf.createManagedConnection(null, new ApplicationRequestInfo("voice"));
        Set<ManagedConnection> pool = new HashSet<>(List.of(faxMc, voiceMc));
        assertThat(mcf.matchManagedConnections(pool, null, new ApplicationRequestInfo("voice"))).isSameAs(voiceMc);
        assertThat(mcf.matchManagedConnections(pool, null, new ApplicationRequestInfo("other"))).isNull();
        assertThat(mcf.matchManagedConnections(Set.of(faxMc), null, new ApplicationRequestInfo("voice"))).isNull();

        // a simple ConnectionManager: create and hand out, as a container without a pool would
        ConnectionManager cm = (factory, cri) -> ((SwitchboardManagedConnectionFactory) factory)
                .createManagedConnection(null, cri).getConnection(null, cri);
        SwitchboardConnectionFactory cf = (SwitchboardConnectionFactory) mcf.createConnectionFactory(cm);
        assertThatThrownBy(() -> cf.getConnection("nobody")).isInstanceOfSatisfying(SwitchboardException.class,
                e -> assertThat(e.error()).isEqualTo(TapiError.INVALAPPNAME));

        List<ConnectionEvent> closed = new CopyOnWriteArrayList<>();
        faxMc.addConnectionEventListener(new ConnectionEventListener() {
            @Override public void connectionClosed(ConnectionEvent event) { closed.add(event); }
            @Override public void localTransactionStarted(ConnectionEvent event) { }
            @Override public void localTransactionCommitted(ConnectionEvent event) { }
            @Override public void localTransactionRolledback(ConnectionEvent event) { }
            @Override public void connectionErrorOccurred(ConnectionEvent event) { }
        });
        SwitchboardConnection handle = (SwitchboardConnection) faxMc.getConnection(null, new ApplicationRequestInfo("fax"));
        assertThat(handle.getAppPriority(MediaMode.G3FAX)).isZero();
        handle.close();
        assertThat(closed).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo(ConnectionEvent.CONNECTION_CLOSED);
            assertThat(e.getConnectionHandle()).isSameAs(handle);
        });
        assertThatThrownBy(() -> handle.getAppPriority(MediaMode.G3FAX)).isInstanceOfSatisfying(
                SwitchboardException.class, e -> assertThat(e.error()).isEqualTo(TapiError.UNINITIALIZED));

        SwitchboardConnection other = (SwitchboardConnection) faxMc.getConnection(null, new ApplicationRequestInfo("fax"));
        faxMc.cleanup();
        assertThatThrownBy(() -> other.getAppPriority(MediaMode.G3FAX)).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("no longer valid");
    }

    @Test
    void theConnectionFactoryIsTheDoorToTheSimulatedSwitchAndPlacingACallNamesIt() throws Exception {
        ra.endpointActivation(new Fakes.EndpointFactory(false, e -> { }), spec("fax", "G3FAX:1"));
        SwitchboardManagedConnectionFactory mcf = new SwitchboardManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        Object cf = mcf.createConnectionFactory((factory, cri) -> null);

        assertThat(cf).isInstanceOf(Simulators.class);
        Simulator simulator = ((Simulators) cf).simulator().orElseThrow();
        assertThat(simulator.lines()).containsExactly("line1", "line2");
        SimulatedCall placed = simulator.placeCall("line2", MediaMode.G3FAX.bit(), "+15550100");
        CallView call = ((SwitchboardConnectionFactory) cf).getOperator().call(placed.callId()).orElseThrow();
        assertThat(call.providerCallId()).isEqualTo(placed.simulatedCallId());
        assertThat(call.owners()).containsExactly("fax");
        assertThatThrownBy(() -> simulator.placeCall("no-such-line", MediaMode.G3FAX.bit(), null))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.error()).isEqualTo(TapiError.OPERATIONUNAVAIL));
    }

    @Test
    void anAdapterWithoutASimulatedSwitchOffersNoSimulator() throws Exception {
        SwitchboardResourceAdapter sipOnly = new SwitchboardResourceAdapter();
        sipOnly.setProvider("sip");
        sipOnly.setPriorityFile(dir.resolve("sip-only.properties").toString());
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
            sipOnly.setSipPort(String.valueOf(probe.getLocalPort())); // a free port, for the SIP listener
        }
        sipOnly.start(Fakes.bootstrap(new Fakes.ThreadPerWorkManager())); // the SIP media engine's loops need threads
        try {
            assertThat(sipOnly.requireRuntime().simulator()).isEmpty();
        } finally {
            sipOnly.stop();
        }
    }
}
