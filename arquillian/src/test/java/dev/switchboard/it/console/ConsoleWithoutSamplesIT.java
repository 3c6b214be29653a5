package dev.switchboard.it.console;

import static dev.switchboard.it.console.Console.awaitCall;
import static dev.switchboard.it.console.Console.awaitHistory;
import static dev.switchboard.it.console.Console.getArray;
import static dev.switchboard.it.console.Console.getObject;
import static dev.switchboard.it.console.Console.place;
import static dev.switchboard.it.console.Console.simulate;
import static dev.switchboard.it.console.Console.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console with no sample application at all: the adapter, the console war exactly as built, and two
 * plain test applications. No audit monitor, no audit topic, no JMS; the handoff history and the counters
 * still show, because they are the adapter's own (SwitchboardOperator.history(), statistics()), and no
 * browser had subscribed before the handoff happened.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(OperatorUserSetup.class) // the simulator API: on, and for operators
class ConsoleWithoutSamplesIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() throws Exception {
        return Deployments.earWithAdapter("console-alone.ear",
                Deployments.apps("test-apps.jar", "#switchboard.rar", ToneVoiceApp.class, IdleFaxApp.class),
                Console.consoleWar(), "/switchboard");
    }

    @ArquillianResource
    URL base;

    @Test
    void handoffHistoryAndCountersShowWithTheSamplesAuditMonitorUndeployed_R10_R17() throws Exception {
        assertEquals(List.of(), getArray(base, "history").getValuesAs(JsonObject.class),
                "nothing happened yet in this adapter");

        JsonObject placed = place(base, "line1", "INTERACTIVEVOICE");
        String callId = placed.getString("callId");
        JsonObject voice = awaitCall(base, callId, c -> strings(c.getJsonArray("owners")).equals(List.of("voice")));
        assertEquals(List.of(), strings(voice.getJsonArray("monitors")), "no audit monitor here");

        simulate(base, placed.getString("simulatedCallId"), "media?mode=G3FAX");

        JsonObject handoff = awaitHistory(base, callId, "HANDOFF");
        assertEquals("voice", handoff.getString("application"));
        assertEquals("G3FAX", handoff.getString("target"));
        assertEquals("SUCCESS", handoff.getString("result"));
        awaitCall(base, callId, c -> strings(c.getJsonArray("owners")).equals(List.of("fax")));
        JsonObject stats = getObject(base, "stats");
        assertEquals(1, stats.getJsonNumber("calls").longValue(), stats.toString());
        assertEquals(1, stats.getJsonNumber("handoffs").longValue(), stats.toString());
        assertEquals(0, stats.getJsonNumber("failures").longValue(), stats.toString());
        assertTrue(stats.getInt("liveCalls") >= 1, stats.toString());

        simulate(base, placed.getString("simulatedCallId"), "hangup");
        Console.awaitGone(base, callId);
    }
}
