package dev.switchboard.it.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
 * SIPp calls the adapter's SIP listener inside WildFly; the test applications 'sip-voice' and
 * 'sip-fax' take, hand off and end the calls. Evidence: SIPp's exit code and statistics, and which
 * application owned each call when it went IDLE.
 *
 * <p>On Open Liberty too: there the test adapter's SIP port and lines come from the archive's ra.xml
 * ({@link dev.switchboard.it.Deployments#withLibertyConfig}), its connection factory and activation
 * specifications from server.xml (see docs/portability.md).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SipCallsIT {
    /** The applications' name for the factory: the EAR's resource reference (see {@link SipDeployments#ear}). */
    static final String FACTORY = "java:app/switchboard/ConnectionFactory";
    /** Where the test adapter's ironjacamar.xml binds the factory on WildFly. */
    static final String WILDFLY_FACTORY = "java:/switchboard/SipItConnectionFactory";
    /** Not 5060 nor the suite's 5160: a hand-started server or another test adapter never collides. */
    static final int SIP_PORT = 5162;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment
    static EnterpriseArchive deployment() {
        return SipDeployments.ear(SIP_PORT, WILDFLY_FACTORY, SipCallsIT.class, Sipp.class);
    }

    private SipResults results;

    @BeforeEach
    void setUp() throws Exception {
        Sipp.assumeInstalled();
        results = InitialContext.doLookup("java:app/sip-apps/SipResults");
    }

    /** Runs SIPp, asserts it succeeded, and returns the calls that went IDLE meanwhile with their owners then. */
    private Map<String, Set<String>> callsOf(int expected, String scenario, String service, String... extra)
            throws Exception {
        Set<String> before = results.ownersAtIdle().keySet();
        Sipp.Result r = Sipp.run(SIP_PORT, scenario, service, extra);
        assertEquals(0, r.exitCode(), r::summary);
        assertEquals(0, r.counter("FailedCall(C)"), r::summary);
        assertEquals(expected, r.counter("SuccessfulCall(C)"), r::summary);
        Map<String, Set<String>> calls = new HashMap<>();
        await().atMost(WAIT).until(() -> {
            calls.clear();
            results.ownersAtIdle().forEach((id, owners) -> {
                if (!before.contains(id)) {
                    calls.put(id, owners);
                }
            });
            return calls.size() == expected;
        });
        calls.keySet().forEach(id -> assertNull(results.problems().get(id), "problems of " + id));
        return calls;
    }

    @Test
    void t38ReinviteMakesTheVoiceAppHandTheCallToTheFaxApp_R10_R17() throws Exception {
        Map<String, Set<String>> calls = callsOf(1, "voice_then_t38.xml", "voice-in");
        assertEquals(Set.of(SipFaxApp.NAME), calls.values().iterator().next(), calls::toString);
    }

    @Test
    void cngToneAloneMakesTheVoiceAppHandTheCallToTheFaxApp_R17() throws Exception {
        Map<String, Set<String>> calls = callsOf(1, "voice_cng_only.xml", "voice-in");
        assertEquals(Set.of(SipFaxApp.NAME), calls.values().iterator().next(), calls::toString);
    }

    @Test
    void voiceToFaxScenarioWithToneThenReinviteEndsWithTheFaxApp_R10_R17() throws Exception {
        Map<String, Set<String>> calls = callsOf(1, "uac_voice_to_fax.xml", "voice-in");
        assertEquals(Set.of(SipFaxApp.NAME), calls.values().iterator().next(), calls::toString);
    }

    @Test
    void infoAndRfc4733DigitsArriveInOrderAndDriveTheHandoff_R18() throws Exception {
        Map<String, Set<String>> calls = callsOf(1, "uac_dtmf.xml", "voice-in");
        String call = calls.keySet().iterator().next();
        assertEquals("5*1", results.digits(call));
        assertEquals(Set.of(SipFaxApp.NAME), calls.get(call));
    }

    @Test
    void byeWhileTheT38ReinviteIsPendingEndsTheCallCleanly_R24() throws Exception {
        // SipResults notes a second IDLE to one application as a problem; callsOf asserts there is none
        Map<String, Set<String>> calls = callsOf(1, "bye_mid_handoff.xml", "slow-fax");
        assertEquals(Set.of(SipFaxApp.NAME), calls.values().iterator().next(), calls::toString);
    }

    @Test
    void shortLoadRunHasNoFailedCallAndTheVoiceAppOwnsEveryCall() throws Exception {
        Map<String, Set<String>> calls = callsOf(100, "uac", "voice-in", "-r", "10", "-m", "100");
        assertTrue(calls.values().stream().allMatch(owners -> owners.equals(Set.of(SipVoiceApp.NAME))), calls::toString);
    }

    /** The suite's leak invariant: every SIP call ended, its dialog and RTP port given back (see {@link Leaks}). */
    @Test
    @Order(Integer.MAX_VALUE)
    void leavesNoCallHandleOrPortBehind() {
        dev.switchboard.it.Leaks.assertNothingHeld();
    }
}
