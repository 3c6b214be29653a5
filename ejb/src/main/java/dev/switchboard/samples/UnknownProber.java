package dev.switchboard.samples;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Owner of UNKNOWN calls: finds each call's real application by probing (R19). It hands the
 * call off to each candidate mode in the order of R6: TARGETNOTFOUND clears that bit and goes on,
 * TARGETSELF means this application handles the mode itself, SUCCESS means the call has been
 * passed on and the prober lets go. When no candidate is left, a last handoff to UNKNOWN
 * looks for another prober; when that fails too (R20) the call is dropped.
 *
 * <p>It works outside any transaction: probing touches no other resource, and each probe's
 * result decides the next one, so there is nothing to commit or roll back together (an XA
 * branch per delivery would buy nothing). Its handoffs take effect at once (R21 stages them only
 * inside a transaction), and they are the adapter's non-XA handoff path that the load
 * harness's {@code unknown_probe} scenario measures.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = Samples.PROBER),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "*"),
        @ActivationConfigProperty(propertyName = "privileges", propertyValue = "OWNER"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "UNKNOWN:1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UnknownProber implements SwitchboardListener {

    @Inject
    SwitchboardConnectionFactory factory;

    @EJB
    OutcomeAudit audit;

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallStateEvent s && s.offersOwnership()) {
            try (SwitchboardConnection c = factory.getConnection(Samples.PROBER)) {
                probe(c, s.handle(), s.callId(), s.line(), s.mediaModes());
            }
        } else if (event instanceof CallStateEvent s && s.state() == CallState.IDLE) {
            Samples.letGo(factory, Samples.PROBER, s.handle(), s.callId());
        }
    }

    private void probe(SwitchboardConnection c, CallHandle handle, String callId, String line, int mediaModes) {
        int remaining = mediaModes;
        for (MediaMode candidate : MediaMode.probeOrder(mediaModes)) {
            HandoffResult result = c.handoffToMediaMode(handle, candidate);
            Samples.log(Samples.PROBER, "probes", callId, "for " + candidate + ": " + result);
            audit.handoff(Samples.PROBER, callId, line, candidate.name(), result.name(), true, "probing");
            switch (result) {
                case SUCCESS -> {
                    c.deallocate(handle);
                    Samples.log(Samples.PROBER, "lets go of", callId, "(handed to " + candidate + ")");
                    return;
                }
                case TARGETSELF -> {
                    c.setMediaMode(handle, candidate.bit());
                    Samples.log(Samples.PROBER, "handles", callId, "itself as " + candidate);
                    return;
                }
                case TARGETNOTFOUND -> {
                    remaining &= ~candidate.bit();
                    c.setMediaMode(handle, remaining | MediaMode.UNKNOWN.bit());
                }
            }
        }
        HandoffResult last = c.handoffToMediaMode(handle, MediaMode.UNKNOWN);
        audit.handoff(Samples.PROBER, callId, line, MediaMode.UNKNOWN.name(), last.name(), true,
                "no candidate mode left");
        if (last == HandoffResult.SUCCESS) {
            c.deallocate(handle);
            Samples.log(Samples.PROBER, "hands", callId, "to another UNKNOWN prober");
            return;
        }
        c.drop(handle);
        c.deallocate(handle);
        Samples.log(Samples.PROBER, "drops", callId, "- no application takes " + MediaMode.describe(mediaModes)
                + " (R20: the last UNKNOWN handoff gave " + last + ")");
    }
}
