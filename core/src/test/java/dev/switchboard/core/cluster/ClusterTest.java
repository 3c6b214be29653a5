package dev.switchboard.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.CallState;
import dev.switchboard.api.ClusterCallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Switchboards of one cluster in one JVM: the directory, operators' commands, the calls of a node that left. */
class ClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final FakeCluster cluster = new FakeCluster(Duration.ofMillis(20));
    private final List<Switchboard> nodes = new ArrayList<>();
    private final List<SimulatedSwitch> switches = new ArrayList<>();

    @AfterEach
    void close() {
        nodes.forEach(Switchboard::close);
    }

    private Switchboard node(String name, Cluster c) {
        SimulatedSwitch sim = new SimulatedSwitch(List.of("line1"));
        Switchboard sb = Switchboard.builder().provider(sim).cluster(c).build().start();
        open(sb, ApplicationSpec.owner("voice", Set.of("line1"), MediaMode.INTERACTIVEVOICE));
        nodes.add(sb);
        switches.add(sim);
        return sb;
    }

    /** An application that lets go of each call once it is IDLE, as applications must, so that the call ends. */
    private static void open(Switchboard sb, ApplicationSpec spec) {
        AtomicReference<ApplicationSession> session = new AtomicReference<>();
        session.set(sb.open(spec, e -> {
            if (e instanceof CallStateEvent cs && cs.state() == CallState.IDLE) {
                session.get().control().deallocate(cs.handle());
            }
        }));
    }

    private Switchboard node(String name) {
        return node(name, cluster.join(name));
    }

    private static SimulatedSwitch sim(Switchboard sb) {
        return (SimulatedSwitch) sb.provider("sim").orElseThrow();
    }

    private static ClusterCallView remoteCall(Switchboard sb, String node, String callId) {
        return sb.clusterCalls().stream().filter(c -> c.node().equals(node) && c.call().callId().equals(callId))
                .findFirst().orElse(null);
    }

    @Test
    void aSingleNodeListsItsOwnCallsUnderItsNameAndSendsNothing() {
        Switchboard sb = node("solo", Cluster.singleNode("solo"));
        SimulatedCall call = sim(sb).placeCall("line1", MediaMode.INTERACTIVEVOICE);

        assertThat(sb.clusterCalls()).singleElement().satisfies(c -> {
            assertThat(c.node()).isEqualTo("solo");
            assertThat(c.remote()).isFalse();
            assertThat(c.call().callId()).isEqualTo(call.callId());
        });
        assertThatThrownBy(() -> sb.dropCall("elsewhere", call.callId()))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.error()).isEqualTo(TapiError.INVALCALLHANDLE))
                .hasMessageContaining("elsewhere");
        sb.dropCall("solo", call.callId());
        assertThat(sb.calls()).isEmpty();
    }

    @Test
    void everyNodeSeesAnotherNodesCallWithItsOwnersStateAndNode() {
        Switchboard a = node("a");
        Switchboard b = node("b");
        SimulatedCall call = sim(a).placeCall("line1", MediaMode.INTERACTIVEVOICE);
        sim(a).answer(call.simulatedCallId());

        await().atMost(WAIT).untilAsserted(() -> assertThat(remoteCall(b, "a", call.callId())).satisfies(c -> {
            assertThat(c.remote()).isTrue();
            assertThat(c.call().owners()).containsExactly("voice");
            assertThat(c.call().state()).isEqualTo(CallState.CONNECTED);
        }));
        assertThat(remoteCall(a, "a", call.callId()).remote()).as("a's own call, on a").isFalse();
        assertThat(cluster.entries.get("a/" + call.callId())).contains("sim.call");

        sim(a).hangUp(call.simulatedCallId());
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.entriesOf("a")).isZero());
        assertThat(b.clusterCalls()).isEmpty();
    }

    @Test
    void quickChangesOfOneCallMakeOneWrite() {
        FakeCluster slow = new FakeCluster(Duration.ofMillis(300));
        Switchboard a = node("a", slow.join("a"));
        SimulatedCall call = sim(a).placeCall("line1", MediaMode.INTERACTIVEVOICE);
        sim(a).answer(call.simulatedCallId());
        sim(a).detect(call.simulatedCallId(), MediaMode.INTERACTIVEVOICE);

        await().atMost(WAIT).until(() -> slow.entriesOf("a") == 1);
        assertThat(slow.updates.get()).isEqualTo(1);
        assertThat(CallEntry.decode(slow.entries.get("a/" + call.callId())).state()).isEqualTo(CallState.CONNECTED);
    }

    @Test
    void anOperatorOnOneNodeDropsACallAnotherNodeHolds() {
        Switchboard a = node("a");
        Switchboard b = node("b");
        SimulatedCall call = sim(a).placeCall("line1", MediaMode.INTERACTIVEVOICE);
        await().atMost(WAIT).until(() -> remoteCall(b, "a", call.callId()) != null);

        b.dropCall("a", call.callId());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(sim(a).liveCalls()).isEmpty();
            assertThat(b.clusterCalls()).isEmpty();
        });
    }

    @Test
    void anOperatorOnOneNodeGivesAnotherNodesUnownedCallToAnApplication_R7() {
        Switchboard a = node("a");
        Switchboard b = node("b");
        open(a, ApplicationSpec.owner("fax", Set.of("line1"), MediaMode.G3FAX));
        SimulatedCall call = sim(a).placeCall("line1", MediaMode.DATAMODEM);
        await().atMost(WAIT).until(() -> remoteCall(b, "a", call.callId()) != null);
        assertThat(remoteCall(b, "a", call.callId()).call().isUnowned()).isTrue();

        b.assignOwner("a", call.callId(), "fax");

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(remoteCall(b, "a", call.callId()).call().owners()).containsExactly("fax"));
    }

    @Test
    void aCommandForACallTheDirectoryDoesNotHaveIsRefusedNamingIt() {
        node("a");
        Switchboard b = node("b");
        assertThatThrownBy(() -> b.dropCall("a", "call-99"))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.error()).isEqualTo(TapiError.INVALCALLHANDLE))
                .hasMessageContaining("call-99").hasMessageContaining("'a'");
    }

    @Test
    void theOldestSurvivorAloneEndsTheCallsOfANodeThatDied() {
        Switchboard a = node("a");
        node("b");
        Switchboard c = node("c");
        SimulatedCall answered = sim(c).placeCall("line1", MediaMode.INTERACTIVEVOICE);
        sim(c).answer(answered.simulatedCallId());
        SimulatedCall ringing = sim(c).placeCall("line1", MediaMode.INTERACTIVEVOICE);
        await().atMost(WAIT).until(() -> cluster.entriesOf("c") == 2
                && cluster.entries.get("c/" + answered.callId()).contains("sim.call"));

        cluster.kill("c");

        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.entriesOf("c")).isZero());
        assertThat(sim(a).endedOrphans()).containsExactly(
                Map.of(SimulatedSwitch.FACT_SWITCH, "sim", SimulatedSwitch.FACT_CALL, answered.simulatedCallId()));
        assertThat(switches.get(1).endedOrphans()).as("b is not the oldest survivor").isEmpty();
        assertThat(a.clusterCalls()).isEmpty();
        assertThat(ringing.callId()).isNotNull(); // no facts yet: its entry is removed, nothing to end it with
    }

    @Test
    void whenTheOldestDiesTheNextOldestEndsItsCalls() {
        Switchboard a = node("a");
        Switchboard b = node("b");
        SimulatedCall call = sim(a).placeCall("line1", MediaMode.INTERACTIVEVOICE);
        sim(a).answer(call.simulatedCallId());
        await().atMost(WAIT).until(() -> cluster.entriesOf("a") == 1
                && cluster.entries.get("a/" + call.callId()).contains("sim.call"));

        cluster.kill("a");

        await().atMost(WAIT).untilAsserted(() -> assertThat(sim(b).endedOrphans()).hasSize(1));
        assertThat(cluster.entriesOf("a")).isZero();
    }

    @Test
    void aNodeThatRestartsEndsTheCallsOfItsEarlierRun() {
        Cluster first = cluster.join("a");
        String stale = CallEntry.key("a", "call-7");
        cluster.entries.put(stale, new CallEntry("a", "call-7", "line1", "sim", "sim-7", 4, CallState.CONNECTED,
                List.of("voice"), List.of(), "x", "line1", Map.of(SimulatedSwitch.FACT_SWITCH, "sim",
                SimulatedSwitch.FACT_CALL, "sim-7")).encode());

        Switchboard a = node("a", first);

        assertThat(cluster.entries).doesNotContainKey(stale);
        assertThat(sim(a).endedOrphans()).extracting(f -> f.get(SimulatedSwitch.FACT_CALL)).containsExactly("sim-7");
    }

    @Test
    void aStoppingNodeTakesItsEntriesOut() {
        Switchboard a = node("a");
        node("b");
        SimulatedCall call = sim(a).placeCall("line1", MediaMode.INTERACTIVEVOICE);
        await().atMost(WAIT).until(() -> cluster.entriesOf("a") == 1);

        a.close();

        assertThat(cluster.entriesOf("a")).isZero();
        assertThat(call.callId()).isNotNull();
    }
}
