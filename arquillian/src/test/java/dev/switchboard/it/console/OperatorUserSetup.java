package dev.switchboard.it.console;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;

/**
 * Before the EAR is deployed: the console's operator user in the test server's ApplicationRealm, and the
 * demo's simulated-switch API switched on (it is off unless the server's system property
 * {@code switchboard.console.simulator} is true, as the README's run command sets it).
 */
public class OperatorUserSetup implements ServerSetupTask {

    @Override
    public void setup(ManagementClient managementClient, String containerId) throws Exception {
        Console.createOperatorUser(managementClient);
        Console.simulator(managementClient, true);
    }

    @Override
    public void tearDown(ManagementClient managementClient, String containerId) throws Exception {
        // the user stays: other console test classes use it too, and it can do nothing without the console
        Console.simulator(managementClient, false);
    }
}
