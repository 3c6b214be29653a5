package dev.switchboard.it.apps;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;

/** Test application 'standalone-voice': owner of INTERACTIVEVOICE:1 on every line; records its events. */
@MessageDriven(name = "StandaloneApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "standalone-voice"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "INTERACTIVEVOICE:1")})
public class StandaloneApp implements SwitchboardListener {
    @EJB
    private Results results;

    @Override
    public void onCallEvent(CallEvent event) {
        results.record("standalone-voice", event);
    }
}
