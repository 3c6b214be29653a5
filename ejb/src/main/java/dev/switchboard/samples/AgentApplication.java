package dev.switchboard.samples;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.BridgeEndedEvent;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.Tone;
import dev.switchboard.samples.PromptFiles.Spoken;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The contact-center application: the voice menu hands it a caller who pressed 2 (a directed
 * handoff, R9). It tells the caller to hold, calls an agent ({@link SampleSettings#agent()}) on the
 * caller's line (R30), and when the agent answers joins the two calls (R31). When either hangs up
 * it hangs up the other: the conversation is over.
 *
 * <p>When the agent's phone is busy, rejects the call or does not answer, the caller hears
 * {@link Spoken#AGENT_BUSY} and is handed back to the voice application, which plays its menu
 * again: the caller can still leave a message or ask for the operator, which serves a caller
 * better than hanging up.
 *
 * <p>It declares INTERACTIVEVOICE at a low priority only because an owner must name a media mode;
 * the voice application (priority 1) gets new voice calls first (R1). Every action is staged in
 * the delivery's transaction and happens after commit (R32): the call to the agent is placed, and
 * its handle works, from then on.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = Samples.AGENT),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "*"),
        @ActivationConfigProperty(propertyName = "privileges", propertyValue = "OWNER"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "INTERACTIVEVOICE:9")
})
public class AgentApplication implements SwitchboardListener {
    /** Ringing for the caller while the agent's phone rings, at most this long. */
    static final Duration HOLD_MUSIC = Duration.ofSeconds(60);

    @Inject
    SwitchboardConnectionFactory factory;

    @Inject
    PromptFiles prompts;

    @Inject
    AgentCalls calls;

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallStateEvent s && s.offersOwnership()) {
            dialAgentFor(s);
        } else if (event instanceof CallStateEvent s && s.state() == CallState.CONNECTED) {
            calls.callerOf(s.handle()).ifPresent(caller -> join(caller, s.handle(), s.callId()));
        } else if (event instanceof CallStateEvent s && s.state() == CallState.DISCONNECTED) {
            ended(s);
        } else if (event instanceof MediaCompletedEvent m && calls.apologyEnded(m.operationId())
                && m.reason() == MediaEndReason.DONE) {
            backToVoice(m.handle(), m.callId());
        } else if (event instanceof BridgeEndedEvent b && b.reason() == BridgeEndedEvent.Reason.HANGUP
                && b.otherHandle() != null) {
            act(c -> c.drop(b.otherHandle())); // one side hung up: the conversation is over
            Samples.log(Samples.AGENT, "ends", b.otherCallId(), "(" + b.callId() + " hung up)");
        } else if (event instanceof CallStateEvent s && s.state() == CallState.IDLE) {
            calls.forget(s.handle());
            Samples.letGo(factory, Samples.AGENT, s.handle(), s.callId());
        }
    }

    private void dialAgentFor(CallStateEvent s) {
        String agent = SampleSettings.agent();
        try (SwitchboardConnection c = factory.getConnection(Samples.AGENT)) {
            Samples.answerIfRinging(c, s.handle());
            CallHandle agentCall = c.makeCall(s.line(), agent, MediaMode.INTERACTIVEVOICE);
            calls.dialling(s.handle(), agentCall);
            c.play(s.handle(), prompts.get(Spoken.CONNECTING), Tone.RINGBACK.withDuration(HOLD_MUSIC));
        }
        Samples.log(Samples.AGENT, "takes", s.callId(), "on " + s.line() + ": calling the agent " + agent);
    }

    /** The agent answered: the caller and the agent talk (R31); the caller's ringing stops with the bridge. */
    private void join(CallHandle caller, CallHandle agentCall, String agentCallId) {
        calls.forget(agentCall); // from now on the bridge links them (BridgeEndedEvent names the other call)
        act(c -> c.bridge(caller, agentCall));
        Samples.log(Samples.AGENT, "bridges", agentCallId, "(the agent answered) to its caller");
    }

    private void ended(CallStateEvent s) {
        var caller = calls.callerOf(s.handle());
        if (caller.isPresent()) {
            // a call to an agent ended before the agent answered (busy, no answer, ...): the caller still waits
            calls.forget(s.handle());
            act(c -> calls.apologising(c.play(caller.get(), prompts.get(Spoken.AGENT_BUSY)), caller.get()));
            Samples.log(Samples.AGENT, "could not reach", s.callId(), "the agent: " + s.disconnectReason());
            return;
        }
        // a caller hung up while the agent's phone still rang: call it off
        calls.agentFor(s.handle()).ifPresent(agentCall -> {
            calls.forget(agentCall);
            act(c -> c.drop(agentCall));
            Samples.log(Samples.AGENT, "calls off", s.callId() + "'s agent call", "(the caller hung up)");
        });
    }

    private void backToVoice(CallHandle caller, String callId) {
        act(c -> {
            HandoffResult result = c.handoffToApplication(caller, Samples.VOICE);
            if (result == HandoffResult.SUCCESS) {
                c.deallocate(caller);
            } else {
                c.drop(caller);
            }
            Samples.log(Samples.AGENT, "gives", callId, "back to " + Samples.VOICE + ": " + result);
        });
    }

    /** A call that ended meanwhile (both sides hang up at once, say) is no error: nothing is left to do for it. */
    private void act(Consumer<SwitchboardConnection> action) {
        try (SwitchboardConnection c = factory.getConnection(Samples.AGENT)) {
            action.accept(c);
        } catch (SwitchboardException e) {
            if (e.error() != TapiError.INVALCALLSTATE && e.error() != TapiError.INVALCALLHANDLE) {
                throw e;
            }
            Samples.log(Samples.AGENT, "finds", "a call", "gone meanwhile: " + e.getMessage());
        }
    }
}
