package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.it.apps.BadConfigApp;
import dev.switchboard.it.apps.Results;
import dev.switchboard.it.apps.StandaloneApp;
import dev.switchboard.it.apps.TenantAMonitor;
import dev.switchboard.it.apps.TenantBMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
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
 * activation of the archive configured through the resource-adapters subsystem with the WildFly CLI
 * of docs/administrator-guide.md, every block of which this class runs as written ({@link GuideCli}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneAdapterIT {
    private static final String ADMIN_RA = "switchboard-admin";
    private static final String ADMIN_CF = "java:/switchboard/AdminConnectionFactory";
    /** Two applications bound to the subsystem activation, deployed by the test through the management API. */
    private static final String TENANTS_EAR = "tenants.ear";

    /** The adapter exactly as built (its own ironjacamar.xml binds java:/switchboard/ConnectionFactory). */
    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive adapter() {
        return Deployments.rarAsBuilt("switchboard.rar");
    }

    /** An application bound to the standalone adapter by name. */
    @Deployment(name = "app", order = 2)
    static EnterpriseArchive application() {
        return boundToStandaloneAdapter("standalone-app.ear", StandaloneApp.class, true)
                .addAsModule(Deployments.testWar(StandaloneAdapterIT.class, Calls.class, GuideCli.class));
    }

    static EnterpriseArchive boundToStandaloneAdapter(String name, Class<?> mdb, boolean withTestWar) {
        return boundToStandaloneAdapter(name, "switchboard.rar", withTestWar, mdb);
    }

    /** An EAR of {@code mdbs} bound to the adapter activation {@code resourceAdapter} of the deployed switchboard.rar. */
    static EnterpriseArchive boundToStandaloneAdapter(String name, String resourceAdapter, boolean withTestWar,
                                                      Class<?>... mdbs) {
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
                .addAsModule(Deployments.apps("test-apps.jar", resourceAdapter, mdbs))
                .addAsManifestResource(new StringAsset(structure), "jboss-deployment-structure.xml");
    }

    @Test
    @Order(1)
    @OperateOnDeployment("app")
    void applicationBoundByNameToStandaloneAdapterGetsCalls() {
        SwitchboardConnectionFactory factory = Calls.factory(Deployments.WILDFLY_CONNECTION_FACTORY);
        SwitchboardOperator operator = factory.getOperator();
        Results results = Calls.results(); // java:app names resolve on this thread, not on Awaitility's
        CallView call = Calls.place(factory, "line1", MediaMode.INTERACTIVEVOICE.bit());
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
     * docs/administrator-guide.md, "WildFly CLI": the guide's own commands, run by jboss-cli.sh, add a second
     * activation of the deployed archive with its own config properties and a connection definition that pools
     * per application (security-application), and activate it at run time. The log file of the guide's
     * "Logging" section is added first, so that it catches what the activation logs.
     */
    @Test
    @Order(3)
    @RunAsClient
    void administratorConfiguresAnActivationThroughTheResourceAdaptersSubsystem() throws Exception {
        GuideCli.run("logging-file");
        GuideCli.run("add-activation");

        String[] ra = {"subsystem", "resource-adapters", "resource-adapter", ADMIN_RA};
        assertEquals("switchboard.rar", attribute("archive", ra).asString());
        assertEquals("XATransaction", attribute("transaction-support", ra).asString());
        assertEquals("sim", configProperty("provider"));
        assertEquals("adminline1,adminline2", configProperty("simulatedLines"));
        assertEquals("${jboss.server.data.dir}/switchboard/admin-priorities.properties", configProperty("priorityFile"));
        assertEquals("3000", configProperty("lockTimeoutMillis"));

        String[] cd = {"subsystem", "resource-adapters", "resource-adapter", ADMIN_RA, "connection-definitions", "admin-cf"};
        assertEquals("dev.switchboard.rar.outbound.SwitchboardManagedConnectionFactory", attribute("class-name", cd).asString());
        assertEquals(ADMIN_CF, attribute("jndi-name", cd).asString());
        assertEquals(20, attribute("max-pool-size", cd).asInt());
        assertTrue(attribute("security-application", cd).asBoolean(), "security-application");
        assertTrue(attribute("no-recovery", cd).asBoolean(), "no-recovery");
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

    /**
     * docs/administrator-guide.md, "Runtime figures": the guide's commands switch on the pool statistics of the
     * subsystem activation. Then two applications are deployed on that activation, to share its pool.
     */
    @Test
    @Order(5)
    @RunAsClient
    void poolStatisticsOfTheSubsystemActivationAreInTheManagementModel() throws Exception {
        GuideCli.run("pool-statistics");
        ModelNode stats = poolStatistics();
        assertTrue(stats.get("statistics-enabled").asBoolean(), stats::toString);
        assertEquals(0, stats.get("InUseCount").asInt(), stats::toString);
        assertEquals(0, stats.get("CreatedCount").asInt(), "no connection asked for yet: " + stats);

        deploy(TENANTS_EAR, boundToStandaloneAdapter(TENANTS_EAR, ADMIN_RA, false, TenantAMonitor.class, TenantBMonitor.class));
    }

    /**
     * The trust model of docs/administrator-guide.md: this test's own EAR asks the activation for connections
     * acting for 'tenant-a' and 'tenant-b', applications of another EAR, and gets them. Taken in turns, each
     * closed before the next, they show the pool at work for the next test.
     */
    @Test
    @Order(6)
    @OperateOnDeployment("app")
    void anyCodeThatReachesTheFactoryGetsConnectionsForAnyActiveApplication() {
        SwitchboardConnectionFactory factory = Calls.factory(ADMIN_CF);
        await().atMost(Duration.ofSeconds(30)).until(() -> factory.getOperator().statistics().applications() == 2);
        for (String application : List.of("tenant-a", "tenant-b", "tenant-a", "tenant-b")) {
            try (SwitchboardConnection connection = factory.getConnection(application)) {
                assertEquals(application, connection.application());
                assertEquals(0, connection.getAppPriority(MediaMode.G3FAX), "a monitor is on no priority list");
            }
        }
    }

    /**
     * security-application (the guide's add-activation block) makes IronJacamar keep one sub-pool per
     * application: the second turn of each application finds its own connection again, so two connections were
     * made for four requests and none was destroyed. Without it a free connection of one application would be
     * offered for the other, refused by matchManagedConnections and destroyed. And the guide's log file has
     * the applications' activations in it.
     */
    @Test
    @Order(7)
    @RunAsClient
    void eachApplicationKeepsItsOwnPooledConnection() throws Exception {
        ModelNode stats = poolStatistics();
        assertEquals(2, stats.get("CreatedCount").asInt(), stats::toString);
        assertEquals(0, stats.get("DestroyedCount").asInt(), stats::toString);
        assertEquals(0, stats.get("InUseCount").asInt(), stats::toString);

        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "switchboard.log");
        String logged = Files.readString(log);
        assertTrue(logged.contains("SWB2003: application 'tenant-a' activated"), log + ":\n" + logged);
    }

    /** docs/administrator-guide.md, "WildFly CLI": reading and changing a pool size. */
    @Test
    @Order(8)
    @RunAsClient
    void administratorResizesThePool() throws Exception {
        String output = GuideCli.run("pool-resize");
        assertTrue(output.contains("20"), "the read-back shows the size the activation was added with: " + output);
        assertEquals(40, attribute("max-pool-size", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA,
                "connection-definitions", "admin-cf").asInt());
    }

    /** docs/administrator-guide.md, "Tuning": the commands that show and set the sizes the section reasons about. */
    @Test
    @Order(9)
    @RunAsClient
    void tuningCommandsOfTheGuideApply() throws Exception {
        GuideCli.run("tuning-inspect");
        GuideCli.run("tuning");
        String[] shortRunning = {"subsystem", "jca", "workmanager", "default", "short-running-threads", "default"};
        assertEquals(100, attribute("max-threads", shortRunning).asInt());
        assertEquals(100, attribute("core-threads", shortRunning).asInt());
        String[] mdbPool = {"subsystem", "ejb3", "strict-max-bean-instance-pool", "mdb-strict-max-pool"};
        assertEquals(64, attribute("max-pool-size", mdbPool).asInt());
    }

    @Test
    @Order(10)
    @RunAsClient
    void administratorRemovesTheActivation() throws Exception {
        expectSuccess(operation("remove", "deployment", TENANTS_EAR)); // its MDBs are bound to the activation
        GuideCli.run("remove-activation");
        ModelNode read = operation("read-children-names", "subsystem", "resource-adapters");
        read.get("child-type").set("resource-adapter");
        assertFalse(expectSuccess(read).get("result").asList().stream().anyMatch(n -> n.asString().equals(ADMIN_RA)));
    }

    /** Every CLI block of the administrator's guide is one that this class ran: none is documented untried. */
    @Test
    @Order(11)
    @RunAsClient
    void everyCliBlockOfTheAdministratorsGuideWasRun() throws IOException {
        TreeSet<String> ours = new TreeSet<>(GuideCli.blocks().keySet());
        ours.remove("metrics-prometheus"); // MetricsIT's, run there as written
        assertEquals(ours, GuideCli.ran().stream().filter(ours::contains).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    private ModelNode attribute(String name, String... address) throws IOException {
        ModelNode read = operation("read-attribute", address);
        read.get("name").set(name);
        return expectSuccess(read).get("result");
    }

    private String configProperty(String property) throws IOException {
        return attribute("value", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA,
                "config-properties", property).asString();
    }

    private ModelNode poolStatistics() throws IOException {
        ModelNode read = operation("read-resource", "subsystem", "resource-adapters", "resource-adapter", ADMIN_RA,
                "connection-definitions", "admin-cf", "statistics", "pool");
        read.get("include-runtime").set(true);
        return expectSuccess(read).get("result");
    }

    private void deploy(String name, EnterpriseArchive ear) throws IOException {
        ModelNode op = operation("add", "deployment", name);
        op.get("enabled").set(true);
        op.get("content").add().get("input-stream-index").set(0);
        try (InputStream content = ear.as(ZipExporter.class).exportAsInputStream()) {
            ModelNode result = client().execute(OperationBuilder.create(op).addInputStream(content).build());
            assertEquals("success", result.get("outcome").asString(), "deploying " + name + ": " + result);
        }
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
        Leaks.hangUpRemoveAndAssertNothingHeld(Calls.factory(Deployments.WILDFLY_CONNECTION_FACTORY));
    }
}
