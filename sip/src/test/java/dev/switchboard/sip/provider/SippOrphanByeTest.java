package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cluster node's death, seen from SIP: a SIPp caller's call is answered by one provider (the
 * node that dies), whose reported dialog facts go to a second provider on another port (a
 * surviving node), whose {@code endOrphan} sends the BYE; SIPp's scenario expects that BYE and
 * answers it 200. Once straight, once as if through a proxy that record-routes (Kamailio). Skipped
 * without sipp unless -Dswitchboard.requireSipp=true.
 */
class SippOrphanByeTest {
    private final ProviderFixture lost = new ProviderFixture();
    private final ProviderFixture survivor = new ProviderFixture();

    @BeforeAll
    static void sipp() {
        Sipp.assumeInstalled();
    }

    @AfterEach
    void stop() throws Exception {
        survivor.close();
        lost.close();
    }

    @Test
    void aSurvivingNodeEndsALostNodesCallWithTheByeTheCallerExpects() throws Exception {
        lost.start(Map.of());
        survivor.start(Map.of());
        try (Sipp caller = Sipp.uac(lost.port, "uac_orphan_bye.xml", "sales")) {
            Map<String, String> facts = answeredFacts();
            assertThat(facts).containsEntry(DialogFacts.ROUTE_SET, "")
                    .containsEntry(DialogFacts.REMOTE_TARGET, "sip:caller@127.0.0.1:" + caller.port)
                    .containsEntry(DialogFacts.LOCAL_URI, "<sip:sales@127.0.0.1:" + lost.port + ">");

            assertThat(survivor.provider.endOrphan(facts)).isTrue();

            caller.assertSucceeded();
            assertThat(caller.actions()).contains("BYE sip:caller@127.0.0.1:" + caller.port + " | CSeq "
                    + (1 + OrphanBye.CSEQ_MARGIN) + " BYE | from tag " + facts.get(DialogFacts.LOCAL_TAG) + " | to tag "
                    + facts.get(DialogFacts.REMOTE_TAG) + " | via 127.0.0.1:" + survivor.port + " | Route  |");
            assertOutcomeLogged(facts);
        }
    }

    @Test
    void throughARecordRoutingProxyTheByeCarriesTheRouteSet() throws Exception {
        lost.start(Map.of());
        survivor.start(Map.of());
        try (Sipp caller = Sipp.uac(lost.port, "uac_orphan_bye_rr.xml", "sales")) {
            Map<String, String> facts = answeredFacts();
            assertThat(facts.get(DialogFacts.ROUTE_SET)).startsWith("<sip:127.0.0.1:" + caller.port + ";lr;ftag=");

            assertThat(survivor.provider.endOrphan(facts)).isTrue();

            caller.assertSucceeded();
            // a loose router: the Request-URI stays the caller's Contact, the route set is the Route
            assertThat(caller.actions()).contains("BYE sip:caller@127.0.0.1:" + caller.port + " | CSeq ",
                    " | Route <sip:127.0.0.1:" + caller.port + ";lr;ftag=");
            assertOutcomeLogged(facts);
        }
    }

    /**
     * Through a real Kamailio that record-routes (skipped without it): the caller's call reaches the
     * lost node through the proxy, and the survivor's BYE goes to the proxy by the route set, which
     * relays it to the caller by loose routing; the caller's 200 comes back the same way.
     */
    @Test
    void throughKamailioTheByeFollowsTheRecordRouteToTheCaller() throws Exception {
        Kamailio.assumeInstalled();
        lost.start(Map.of());
        survivor.start(Map.of());
        try (Kamailio proxy = Kamailio.start(lost.port);
             Sipp caller = Sipp.uac(proxy.port, "uac_orphan_bye_proxy.xml", "sales")) {
            Map<String, String> facts = answeredFacts();
            assertThat(facts.get(DialogFacts.ROUTE_SET)).startsWith("<sip:127.0.0.1:" + proxy.port + ";lr");

            assertThat(survivor.provider.endOrphan(facts)).isTrue();

            caller.assertSucceeded();
            // the proxy consumed its own Route and is the BYE's top Via
            assertThat(caller.actions()).contains("BYE sip:caller@127.0.0.1:" + caller.port + " | CSeq ",
                    " | via 127.0.0.1:" + proxy.port + " | Route  |");
            assertOutcomeLogged(facts);
            assertThat(proxy.output()).contains("in-dialog BYE " + facts.get(DialogFacts.CALL_ID));
        }
    }

    @Test
    void factsThatCannotBeUsedAreRefusedAndLogged() throws Exception {
        survivor.start(Map.of());
        assertThat(survivor.provider.endOrphan(Map.of(DialogFacts.CALL_ID, "gone@somewhere"))).isFalse();
        assertThat(survivor.log.withId("SWB3062")).anySatisfy(l -> assertThat(l)
                .contains("gone@somewhere", DialogFacts.VERSION_KEY));
        Map<String, String> overTcp = new java.util.HashMap<>(DialogFactsTest.FACTS.toMap());
        overTcp.put(DialogFacts.TRANSPORT, "tcp");
        assertThat(survivor.provider.endOrphan(overTcp)).isFalse();
        assertThat(survivor.log.withId("SWB3062")).anySatisfy(l -> assertThat(l)
                .contains(DialogFactsTest.FACTS.callId(), "runs over tcp and this node listens on udp"));
        assertThat(survivor.events.isEmpty()).isTrue();
    }

    /** Answers SIPp's call on the node that will be lost and returns the facts it reported once connected. */
    private Map<String, String> answeredFacts() throws Exception {
        RecordingEvents.Report offered = lost.events.next();
        assertThat(offered.text()).isEqualTo("newCall sales 0x4");
        lost.provider.answer(offered.callId());
        assertThat(lost.events.next(offered.callId())).isEqualTo("state CONNECTED");
        Map<String, String> facts = lost.events.nextFacts(offered.callId());
        assertThat(facts).containsEntry(DialogFacts.CALL_ID, offered.callId()).containsEntry(DialogFacts.NEXT_CSEQ, "1")
                .containsEntry(DialogFacts.TRANSPORT, "udp").containsEntry(DialogFacts.LINE, "sales");
        return facts;
    }

    /** The survivor logged the 200 (SWB3061) and told its core nothing: the call is not its own. */
    private void assertOutcomeLogged(Map<String, String> facts) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(survivor.log.withId("SWB3061"))
                .anySatisfy(l -> assertThat(l).contains(facts.get(DialogFacts.CALL_ID), "200 OK", "the call is ended")));
        assertThat(survivor.log.withId("SWB3060")).anySatisfy(l -> assertThat(l).contains(facts.get(DialogFacts.CALL_ID)));
        assertThat(survivor.events.isEmpty()).isTrue();
        assertThat(survivor.events.anyFacts()).isFalse();
    }
}
