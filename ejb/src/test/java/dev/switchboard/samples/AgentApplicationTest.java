package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.event.BridgeEndedEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.MediaOperation;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agent application: call an agent for a caller, join them, and what it does when nobody answers. */
class AgentApplicationTest {
    private static final CallHandle CALLER = CallHandle.of("caller");
    private static final CallHandle AGENT_LEG = CallHandle.of("agent-leg"); // what ScriptedConnection.makeCall returns
    private static final String DIAL = "makeCall line1 sip:agent@127.0.0.1:5070";
    private static final String HOLD = "play connecting.wav,tone:RINGBACK/60s on caller";

    private final ScriptedConnection line = new ScriptedConnection();
    private final PromptFiles prompts = new PromptFiles();
    private final AgentApplication agent = new AgentApplication();

    AgentApplicationTest() {
        prompts.copyOut();
        agent.prompts = prompts;
        agent.factory = line.factory;
        agent.calls = new AgentCalls();
    }

    @AfterEach
    void cleanUp() {
        prompts.removeCopies();
        System.clearProperty(SampleSettings.AGENT);
    }

    @Test
    void aCallerHandedOverIsToldToHoldWhileTheAgentIsCalled_R30() {
        handedOver();
        assertThat(line.asked).containsExactly(DIAL, HOLD);
    }

    @Test
    void theAgentIsCalledAtTheConfiguredAddress_R30() {
        System.setProperty(SampleSettings.AGENT, "sip:desk-4@pbx.example.com");
        handedOver();
        assertThat(line.asked).first().isEqualTo("makeCall line1 sip:desk-4@pbx.example.com");
    }

    @Test
    void whenTheAgentAnswersTheCallsAreBridged_R31() {
        handedOver();
        agent.onCallEvent(state(AGENT_LEG, "call-2", CallState.RINGBACK, null));
        agent.onCallEvent(state(AGENT_LEG, "call-2", CallState.CONNECTED, null));
        assertThat(line.asked).containsExactly(DIAL, HOLD, "bridge caller agent-leg");
    }

    @Test
    void whenEitherSideHangsUpTheOtherIsHungUpToo_R31() {
        handedOver();
        agent.onCallEvent(state(AGENT_LEG, "call-2", CallState.CONNECTED, null));
        agent.onCallEvent(new BridgeEndedEvent(AGENT_LEG, "call-2", "line1", "bridge-1", CALLER, "call-1",
                BridgeEndedEvent.Reason.HANGUP));
        agent.onCallEvent(state(AGENT_LEG, "call-2", CallState.DISCONNECTED, DisconnectReason.NORMAL));
        assertThat(line.asked).endsWith("bridge caller agent-leg", "drop caller");
    }

    @Test
    void aBusyAgentGetsTheCallerAnApologyAndTheCallerGoesBackToTheVoiceMenu_R30() {
        handedOver();
        agent.onCallEvent(state(AGENT_LEG, "call-2", CallState.DISCONNECTED, DisconnectReason.BUSY));
        assertThat(line.asked).last().isEqualTo("play agent-busy.wav on caller");

        agent.onCallEvent(new MediaCompletedEvent(CALLER, "call-1", "line1", line.lastId, MediaOperation.PLAY,
                MediaEndReason.DONE, "", "", Duration.ZERO));
        assertThat(line.asked).endsWith("handoff caller to voice", "deallocate caller");
    }

    @Test
    void theHoldMusicEndingIsNotTakenForTheApology_R28() {
        handedOver();
        agent.onCallEvent(new MediaCompletedEvent(CALLER, "call-1", "line1", line.lastId, MediaOperation.PLAY,
                MediaEndReason.CANCELLED, "", "", Duration.ZERO));
        assertThat(line.asked).containsExactly(DIAL, HOLD);
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentRingsCallsTheAgentOff_R30() {
        handedOver();
        agent.onCallEvent(state(CALLER, "call-1", CallState.DISCONNECTED, DisconnectReason.NORMAL));
        agent.onCallEvent(state(AGENT_LEG, "call-2", CallState.CONNECTED, null)); // too late: nobody to join
        assertThat(line.asked).containsExactly(DIAL, HOLD, "drop agent-leg");
    }

    private void handedOver() {
        agent.onCallEvent(new CallStateEvent(CALLER, "call-1", "line1", CallState.OFFERING, Privilege.OWNER, 4));
    }

    private static CallStateEvent state(CallHandle h, String callId, CallState s, DisconnectReason why) {
        return new CallStateEvent(h, callId, "line1", s, Privilege.OWNER, 4, why);
    }
}
