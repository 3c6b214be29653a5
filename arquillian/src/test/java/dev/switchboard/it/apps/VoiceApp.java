package dev.switchboard.it.apps;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;

/** Test application 'voice': owner of INTERACTIVEVOICE:1 on every line; records its events. */
@MessageDriven(name = "VoiceApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "voice"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "INTERACTIVEVOICE:1")})
public class VoiceApp implements SwitchboardListener {
    @EJB
    private Results results;

    @Override
    public void onCallEvent(CallEvent event) {
        results.record("voice", event);
    }
}
