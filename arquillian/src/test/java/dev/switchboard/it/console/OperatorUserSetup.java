package dev.switchboard.it.console;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;

/**
 * Before the EAR is deployed: the console's operator user in the test server's ApplicationRealm, and the
 * demo's simulated-switch API switched on (it is off unless the server's system property
 * {@code switchboard.console.simulator} is true, as the README's run command sets it).
 *
 * <p>WildFly only (its management API). On Open Liberty the {@code liberty} profile keeps WildFly's Arquillian
 * classes, this annotation's among them, off the class path, so nothing runs; the server has the same from its
 * configuration instead: the operator in server.xml's {@code <basicRegistry>}, the simulator on through
 * arquillian.xml's {@code -Dswitchboard.console.simulator=true}.
 */
public class OperatorUserSetup implements ServerSetupTask {

    @Override
    public void setup(ManagementClient managementClient, String containerId) throws Exception {
        Console.createOperatorUser(managementClient.getControllerClient());
        Console.simulator(managementClient.getControllerClient(), true);
    }

    @Override
    public void tearDown(ManagementClient managementClient, String containerId) throws Exception {
        // the user stays: other console test classes use it too, and it can do nothing without the console
        Console.simulator(managementClient.getControllerClient(), false);
    }
}
