package dev.switchboard.it.apps;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;

/** Test application 'throwing': first owner of TDD calls; throws on every ownership offer (R23). */
@MessageDriven(name = "ThrowingApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "throwing"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "TDD:1")})
public class ThrowingApp implements SwitchboardListener {
    @EJB
    private Results results;

    @Override
    public void onCallEvent(CallEvent event) {
        results.record("throwing", event);
        if (event instanceof CallStateEvent s && s.offersOwnership()) {
            results.attempt("throwing", event.callId());
            throw new IllegalStateException("test application 'throwing' refuses call " + event.callId());
        }
    }
}
