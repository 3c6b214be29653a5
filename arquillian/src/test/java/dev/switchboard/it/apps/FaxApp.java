package dev.switchboard.it.apps;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;

/** Test application 'fax': owner of G3FAX:1 on every line; records its events. */
@MessageDriven(name = "FaxApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "fax"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "G3FAX:1")})
public class FaxApp implements SwitchboardListener {
    @EJB
    private Results results;

    @Override
    public void onCallEvent(CallEvent event) {
        results.record("fax", event);
    }
}
