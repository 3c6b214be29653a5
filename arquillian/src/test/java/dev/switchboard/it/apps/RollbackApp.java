package dev.switchboard.it.apps;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;

/** Test application 'rollingback': first owner of G4FAX calls; rolls its delivery transaction back on every ownership offer (R23). */
@MessageDriven(name = "RollbackApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "rollingback"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "G4FAX:1")})
public class RollbackApp implements SwitchboardListener {
    @EJB
    private Results results;

    @Resource
    private MessageDrivenContext context;

    @Override
    public void onCallEvent(CallEvent event) {
        results.record("rollingback", event);
        if (event instanceof CallStateEvent s && s.offersOwnership()) {
            results.attempt("rollingback", event.callId());
            context.setRollbackOnly();
        }
    }
}
