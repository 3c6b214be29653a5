package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.it.apps.BadConfigApp;
import dev.switchboard.it.apps.Results;
import dev.switchboard.it.apps.StandaloneApp;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.OperationBuilder;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an administrator does: the .rar deployed on its own as {@code switchboard.rar}, an
 * application EAR bound to it by name, a bad activation config refused at deploy time, and a second
 * activation of the archive configured through the resource-adapters subsystem (management API).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneAdapterIT {
    private static final String ADMIN_RA = "switchboard-admin";
    private static final String ADMIN_CF = "java:/switchboard/AdminConnectionFactory";

    /** The adapter exactly as built (its own ironjacamar.xml binds java:/switchboard/ConnectionFactory). */
    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive adapter() {
        return Deployments.rarAsBuilt("switchboard.rar");
    }

    /** An application bound to the standalone adapter by name. */
    @Deployment(name = "app", order = 2)
    static EnterpriseArchive application() {
        return boundToStandaloneAdapter("standalone-app.ear", StandaloneApp.class, true)
                .addAsModule(Deployments.testWar(StandaloneAdapterIT.class, Calls.class));
    }

    static EnterpriseArchive boundToStandaloneAdapter(String name, Class<?> mdb, boolean withTestWar) {
        // the applications compile against switchboard-api; at run time its classes come from the adapter
        String structure = """
                <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.2">
                  <deployment><dependencies><module name="deployment.switchboard.rar"/></dependencies></deployment>
                  <sub-deployment name="test-apps.jar"><dependencies><module name="deployment.switchboard.rar"/></dependencies></sub-deployment>
                %s</jboss-deployment-structure>
                """.formatted(withTestWar ? """
                  <sub-deployment name="test.war"><dependencies><module name="deployment.switchboard.rar"/></dependencies></sub-deployment>
                """ : "");
        return ShrinkWrap.create(EnterpriseArchive.class, name)
                .addAsModule(Deployments.apps("test-apps.jar", "switchboard.rar", mdb))
                .addAsManifestResource(new StringAsset(structure), "jboss-deployment-structure.xml");
    }

    @Test
    @Order(1)
    @OperateOnDeployment("app")
    void applicationBoundByNameToStandaloneAdapterGetsCalls() {
        SwitchboardOperator operator = Calls.factory(Deployments.WILDFLY_CONNECTION_FACTORY).getOperator();
        Results results = Calls.results(); // java:app names resolve on this thread, not on Awaitility's
        CallView call = Calls.place(operator, "line1", MediaMode.INTERACTIVEVOICE.bit());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> results.ownerOffer("standalone-voice", call.callId()).isPresent());
        assertEquals(List.of("standalone-voice"), Calls.view(operator, call.callId()).owners());
        operator.dropCall(call.callId());
    }

    @Test
    @Order(2)
    @RunAsClient
    void badActivationConfigIsRefusedAtDeployTimeNamingTheProperty() throws IOException {
        EnterpriseArchive bad = boundToStandaloneAdapter("bad-config.ear", BadConfigApp.class, false);
        ModelNode op = operation("add", "deployment", "bad-config.ear");
        op.get("enabled").set(true);
        op.get("content").add().get("input-stream-index").set(0);
        ModelNode result;
        try (InputStream content = bad.as(ZipExporter.class).exportAsInputStream()) {
            result = client().execute(OperationBuilder.create(op).addInputStream(content).build());
        }
        try {
            assertEquals("failed", result.get("outcome").asString(), result.toString());
            String failure = result.get("failure-description").asString();
            assertTrue(failure.contains("mediaModes 'BOGUS:1'"), failure);
            assertTrue(failure.contains("unknown media mode 'BOGUS'"), failure);
        } finally {
            client().execute(operation("remove", "deployment", "bad-config.ear")); // normally already rolled back
        }
    }

    /**
     * The CLI commands of docs/administrator-guide.md, through the management API: a second
     * activation of the deployed archive with its own config property and a pool-sized connection
     * definition, activated at run time.
     */
    @Test
    @Order(3)
    @RunAsClient
    void administratorConfiguresAnActivationThroughTheResourceAdaptersSubsystem() throws IOException {
        ModelNode ra = operation("add", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA);
        ra.get("archive").set("switchboard.rar");
        ra.get("transaction-support").set("XATransaction");
        expectSuccess(ra);

        // A second activation of the same archive needs its own lines: the simulated switch only, since the
        // deployment's own activation already listens for SIP on the adapter's default port.
        ModelNode provider = operation("add", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA,
                "config-properties", "provider");
        provider.get("value").set("sim");
        expectSuccess(provider);

        ModelNode lines = operation("add", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA,
                "config-properties", "simulatedLines");
        lines.get("value").set("adminline1,adminline2");
        expectSuccess(lines);

        ModelNode cd = operation("add", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA,
                "connection-definitions", "admin-cf");
        cd.get("class-name").set("dev.switchboard.rar.outbound.SwitchboardManagedConnectionFactory");
        cd.get("jndi-name").set(ADMIN_CF);
        cd.get("min-pool-size").set(0);
        cd.get("max-pool-size").set(7);
        cd.get("no-recovery").set(true);
        expectSuccess(cd);

        expectSuccess(operation("activate", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA));

        ModelNode read = operation("read-attribute", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA,
                "connection-definitions", "admin-cf");
        read.get("name").set("max-pool-size");
        assertEquals(7, expectSuccess(read).get("result").asInt());
    }

    @Test
    @Order(4)
    @OperateOnDeployment("app")
    void activationConfiguredThroughSubsystemServesItsOwnLines() {
        SwitchboardOperator admin = Calls.factory(ADMIN_CF).getOperator();
        assertEquals(List.of("adminline1 (sim)", "adminline2 (sim)"), admin.lines());
        // the archive's own activation keeps its defaults: the simulated switch and the SIP listener
        assertEquals(List.of("line1 (sim)", "line2 (sim)", "sip (sip)"),
                Calls.factory(Deployments.WILDFLY_CONNECTION_FACTORY).getOperator().lines());
    }

    /** docs/administrator-guide.md, "Runtime figures": pool statistics of a subsystem activation. */
    @Test
    @Order(5)
    @RunAsClient
    void poolStatisticsOfTheSubsystemActivationAreInTheManagementModel() throws IOException {
        String[] pool = {"subsystem", "resource-adapters", "resource-adapter", ADMIN_RA,
            "connection-definitions", "admin-cf", "statistics", "pool"};
        ModelNode enable = operation("write-attribute", pool);
        enable.get("name").set("statistics-enabled");
        enable.get("value").set(true);
        expectSuccess(enable);

        ModelNode read = operation("read-resource", pool);
        read.get("include-runtime").set(true);
        ModelNode stats = expectSuccess(read).get("result");
        assertTrue(stats.get("statistics-enabled").asBoolean(), stats::toString);
        assertEquals(7, stats.get("AvailableCount").asInt(), "max-pool-size 7, none in use: " + stats);
        assertEquals(0, stats.get("InUseCount").asInt(), stats::toString);
    }

    @Test
    @Order(6)
    @RunAsClient
    void administratorRemovesTheActivation() throws IOException {
        expectSuccess(operation("remove", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA));
    }

    private static ModelControllerClient client;

    /** The management interface of the suite's server (port offset 100), as the CLI would use it. */
    private static ModelControllerClient client() throws IOException {
        if (client == null) {
            client = ModelControllerClient.Factory.create("127.0.0.1", Integer.getInteger("switchboard.it.managementPort", 10090));
        }
        return client;
    }

    @AfterAll
    static void closeClient() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private ModelNode expectSuccess(ModelNode op) throws IOException {
        ModelNode result = client().execute(op);
        assertEquals("success", result.get("outcome").asString(), op + " -> " + result);
        return result;
    }

    private static ModelNode operation(String name, String... address) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        ModelNode addr = op.get("address").setEmptyList();
        for (int i = 0; i < address.length; i += 2) {
            addr.add(address[i], address[i + 1]);
        }
        return op;
    }

    /** The suite's leak invariant (see {@link Leaks}): runs after its other tests. */
    @Test
    @Order(Integer.MAX_VALUE)
    @OperateOnDeployment("app")
    void leavesNoCallHandleOrPortBehind() {
        Leaks.hangUpRemoveAndAssertNothingHeld(Calls.factory(Deployments.WILDFLY_CONNECTION_FACTORY).getOperator());
    }
}
