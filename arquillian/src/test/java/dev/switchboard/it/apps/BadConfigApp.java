package dev.switchboard.it.apps;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** An application whose activation config names a media mode that does not exist: deployment must fail. */
@MessageDriven(name = "BadConfigApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "bad"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "BOGUS:1")})
public class BadConfigApp implements SwitchboardListener {
    @Override
    public void onCallEvent(CallEvent event) {
        throw new AssertionError("never activated");
    }
}
