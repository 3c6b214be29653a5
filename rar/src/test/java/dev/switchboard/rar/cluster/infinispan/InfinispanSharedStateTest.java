package dev.switchboard.rar.cluster.infinispan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.CallState;
import dev.switchboard.api.ClusterCallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.priority.PriorityLists;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over real Infinispan and JGroups on 127.0.0.1, each with its own switchboard, as two
 * WildFly nodes share the server's cache container: priority lists, the call directory, operators'
 * commands, and the ending of a departed node's calls.
 */
class InfinispanSharedStateTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final TwoNodes nodes = new TwoNodes(2);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            try {
                closing.get(i).close();
            } catch (RuntimeException e) {
                // a node this test stopped already
            }
        }
        nodes.close();
    }

    private InfinispanSharedState state(EmbeddedCacheManager manager) {
        InfinispanSharedState s = InfinispanSharedState.of(manager, Duration.ofMillis(20));
        closing.add(s);
        return s;
    }

    private Switchboard switchboard(InfinispanSharedState state) {
        Switchboard sb = Switchboard.builder().provider(new SimulatedSwitch(List.of("line1")))
                .priorityStore(state.priorities()).cluster(state.cluster()).build().start();
        AtomicReference<ApplicationSession> session = new AtomicReference<>();
        session.set(sb.open(ApplicationSpec.owner("voice", Set.of("line1"), MediaMode.INTERACTIVEVOICE), e -> {
            if (e instanceof CallStateEvent cs && cs.state() == CallState.IDLE) {
                session.get().control().deallocate(cs.handle());
            }
        }));
        closing.add(sb);
        return sb;
    }

    private static SimulatedSwitch sim(Switchboard sb) {
        return (SimulatedSwitch) sb.provider("sim").orElseThrow();
    }

    private static ClusterCallView find(Switchboard sb, String node, String callId) {
        return sb.clusterCalls().stream().filter(c -> c.node().equals(node) && c.call().callId().equals(callId))
                .findFirst().orElse(null);
    }

    @Test
    void anEditOnOneNodeHoldsOnTheOtherAndOutlivesTheNodeThatMadeIt_R2_R3() {
        EmbeddedCacheManager m1 = nodes.start(0);
        EmbeddedCacheManager m2 = nodes.start(1);
        PriorityLists one = new PriorityLists(state(m1).priorities());
        PriorityLists two = new PriorityLists(state(m2).priorities());
        await().atMost(WAIT).until(() -> m1.getMembers().size() == 2);

        one.setList(MediaMode.G3FAX, List.of("fax", "archive"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(two.list(MediaMode.G3FAX)).containsExactly("fax", "archive"));
        two.insertFirst(MediaMode.G3FAX, "archive");
        await().atMost(WAIT).untilAsserted(() -> assertThat(one.list(MediaMode.G3FAX)).containsExactly("archive", "fax"));

        m1.stop();

        assertThat(new PriorityLists(state(m2).priorities()).all())
                .isEqualTo(Map.of(MediaMode.G3FAX, List.of("archive", "fax")));
    }

    @Test
    void eachNodeListsTheOthersCallsAndAnOperatorDropsOneFromTheOtherNode() {
        InfinispanSharedState s1 = state(nodes.start(0));
        InfinispanSharedState s2 = state(nodes.start(1));
        Switchboard one = switchboard(s1);
        Switchboard two = switchboard(s2);
        assertThat(one.node()).isEqualTo("node1");
        SimulatedCall call = sim(one).placeCall("line1", MediaMode.INTERACTIVEVOICE);
        sim(one).answer(call.simulatedCallId());

        await().atMost(WAIT).untilAsserted(() -> assertThat(find(two, "node1", call.callId())).satisfies(c -> {
            assertThat(c.remote()).isTrue();
            assertThat(c.call().state()).isEqualTo(CallState.CONNECTED);
            assertThat(c.call().owners()).containsExactly("voice");
        }));

        two.dropCall("node1", call.callId());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(sim(one).liveCalls()).isEmpty();
            assertThat(two.clusterCalls()).isEmpty();
        });
    }

    @Test
    void whenANodeLeavesTheSurvivorEndsItsCallsFromTheirRecoveryFactsAndRemovesThem() {
        EmbeddedCacheManager m1 = nodes.start(0);
        InfinispanSharedState s1 = state(m1);
        InfinispanSharedState s2 = state(nodes.start(1));
        Switchboard one = switchboard(s1);
        Switchboard two = switchboard(s2);
        SimulatedCall call = sim(one).placeCall("line1", MediaMode.INTERACTIVEVOICE);
        sim(one).answer(call.simulatedCallId());
        await().atMost(WAIT).until(() -> find(two, "node1", call.callId()) != null);

        m1.stop(); // node1 is gone; its switchboard never got to take its entries out

        await().atMost(WAIT).untilAsserted(() -> assertThat(sim(two).endedOrphans()).containsExactly(Map.of(
                SimulatedSwitch.FACT_SWITCH, "sim", SimulatedSwitch.FACT_CALL, call.simulatedCallId())));
        await().atMost(WAIT).untilAsserted(() -> assertThat(two.clusterCalls()).isEmpty());
    }
}
