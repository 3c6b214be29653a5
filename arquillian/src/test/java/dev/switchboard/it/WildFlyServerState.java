package dev.switchboard.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * The suite WildFly's {@code server-state}, read through its management API. A test that reloads the shared server
 * (MetricsIT's guide block) waits here until the server says "running" again, so that the test classes after it
 * find their server up. Referenced only on WildFly: on Open Liberty its management classes are not on the class path.
 */
final class WildFlyServerState {
    private WildFlyServerState() {
    }

    /** Waits until the server answers {@code running}; a refused or dropped connection means "not yet". */
    static void awaitRunning(Duration atMost) {
        await("the suite's WildFly running again after a reload").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> "running".equals(read()));
    }

    /** One read of the root resource's server-state (starting, reload-required, running, ...). */
    static String read() throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-attribute");
        op.get("address").setEmptyList();
        op.get("name").set("server-state");
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1",
                Integer.getInteger("switchboard.it.managementPort", 10090))) {
            ModelNode result = client.execute(op);
            return "success".equals(result.get("outcome").asString()) ? result.get("result").asString()
                    : result.toString();
        }
    }
}
