package dev.switchboard.it.console;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;

/** Before the EAR is deployed: the console's operator user in the test server's ApplicationRealm. */
public class OperatorUserSetup implements ServerSetupTask {

    @Override
    public void setup(ManagementClient managementClient, String containerId) throws Exception {
        Console.createOperatorUser(managementClient);
    }

    @Override
    public void tearDown(ManagementClient managementClient, String containerId) {
        // the user stays: other console test classes use it too, and it can do nothing without the console
    }
}
