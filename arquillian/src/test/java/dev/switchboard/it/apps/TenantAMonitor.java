package dev.switchboard.it.apps;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * Test application 'tenant-a': a monitor of every line of the activation it is bound to, one of two
 * applications that share that activation's connection pool (StandaloneAdapterIT, security-application).
 */
@MessageDriven(name = "TenantAMonitor", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "tenant-a"),
        @ActivationConfigProperty(propertyName = "privileges", propertyValue = "MONITOR")})
public class TenantAMonitor implements SwitchboardListener {
    @Override
    public void onCallEvent(CallEvent event) {
        // connections are what the test is about; the events are not
    }
}
