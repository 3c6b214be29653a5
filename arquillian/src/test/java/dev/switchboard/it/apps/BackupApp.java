package dev.switchboard.it.apps;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;

/** Test application 'backup': owner of TDD:2,G4FAX:2 on every line; records its events. */
@MessageDriven(name = "BackupApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "backup"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "TDD:2,G4FAX:2")})
public class BackupApp implements SwitchboardListener {
    @EJB
    private Results results;

    @Override
    public void onCallEvent(CallEvent event) {
        results.record("backup", event);
    }
}
