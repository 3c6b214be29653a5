package dev.switchboard.it.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import dev.switchboard.it.Deployments;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the console tests share: the real {@code switchboard.ear} (with a private priority file, so
 * that no other test class sees this one's lists), the operator user in the test server, and a small
 * HTTP client for the console's REST API.
 */
final class Console {

    static final String RAR = "switchboard.rar";
    static final String WAR = "switchboard-console.war";
    static final String OPERATOR = "operator";
    /** The operator's password in the test server (created by {@link #createOperatorUser}). */
    static final String PASSWORD = System.getProperty("switchboard.operator.password", "Switchboard-1");
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** The priority file of this run's adapter (R3). */
    static final Path PRIORITY_FILE = Path.of(System.getProperty("switchboard.it.dir", "target/it"),
            "console-priorities-" + UUID.randomUUID() + ".properties").toAbsolutePath();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Console() {
    }

    /**
     * The Maven-built EAR, its adapter on the simulated switch only (no SIP port to collide with) and its
     * priority file moved to {@link #PRIORITY_FILE}.
     */
    static EnterpriseArchive ear() throws IOException {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, builtEar().toFile());
        // one web module only: with the metrics war beside the console, Arquillian's injected URL may be
        // the metrics war's context, and every /api request of the console tests would get 404
        ear.delete("switchboard-metrics.war");
        String app;
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            app = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ear.delete("META-INF/application.xml");
        ear.setApplicationXML(new StringAsset(app.replaceAll(
                "(?s)<module>(?:(?!</module>).)*switchboard-metrics\\.war(?:(?!</module>).)*</module>", "")));
        ResourceAdapterArchive rar;
        try (InputStream in = ear.get(RAR).getAsset().openStream()) {
            rar = ShrinkWrap.create(ResourceAdapterArchive.class, RAR).as(ZipImporter.class).importFrom(in)
                    .as(ResourceAdapterArchive.class);
        }
        String ij;
        try (InputStream in = rar.get("META-INF/ironjacamar.xml").getAsset().openStream()) {
            ij = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(PRIORITY_FILE.getParent());
        String withFile = ij.replace("<transaction-support>",
                "<config-property name=\"provider\">sim</config-property>\n"
                + "  <config-property name=\"priorityFile\">" + PRIORITY_FILE + "</config-property>\n"
                + "  <transaction-support>");
        assertTrue(withFile.contains(PRIORITY_FILE.toString()), "the adapter's ironjacamar.xml has changed: " + ij);
        rar.delete("META-INF/ironjacamar.xml");
        rar.addAsManifestResource(new StringAsset(withFile), "ironjacamar.xml");
        // Liberty ignores ironjacamar.xml: the same two settings as ra.xml defaults (server.xml configures the rest)
        Deployments.withLibertyConfig(rar, Map.of("provider", "sim", "priorityFile", PRIORITY_FILE.toString()));
        ear.delete(RAR);
        ear.addAsModule(rar);
        // the war as an archive too, not as bytes: Open Liberty's Arquillian container finds the war's context root
        // in application.xml by the war's archive name, and an imported entry's name is its path ("/x.war")
        WebArchive war;
        try (InputStream in = ear.get(WAR).getAsset().openStream()) {
            war = ShrinkWrap.create(WebArchive.class, WAR).as(ZipImporter.class).importFrom(in).as(WebArchive.class);
        }
        ear.delete(WAR);
        ear.addAsModule(war);
        return ear;
    }

    /** The console war exactly as the Maven-built EAR holds it. */
    static WebArchive consoleWar() throws IOException {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, builtEar().toFile());
        try (InputStream in = ear.get(WAR).getAsset().openStream()) {
            return ShrinkWrap.create(WebArchive.class, WAR).as(ZipImporter.class).importFrom(in).as(WebArchive.class);
        }
    }

    private static Path builtEar() {
        Path file = Path.of(System.getProperty("switchboard.ear", "../ear/target/switchboard.ear"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the sample EAR " + file.toAbsolutePath() + " is missing: build the ear"
                    + " module first (mvn -pl ear -am package) or point -Dswitchboard.ear at it");
        }
        return file;
    }

    /**
     * Adds the operator user to the test server's ApplicationRealm with the server's own
     * {@code add-user.sh} (as the run command does), and makes the running server read the files again.
     */
    static void createOperatorUser(ModelControllerClient management) throws Exception {
        createUser(management, OPERATOR, PASSWORD, OPERATOR);
    }

    /**
     * Adds (or updates) a user of the ApplicationRealm with {@code add-user.sh -a}, in the given groups (roles)
     * or none, and reloads the realm: what an administrator does to add another operator.
     */
    static void createUser(ModelControllerClient management, String user, String password, String... groups)
            throws Exception {
        Path home = Path.of(System.getProperty("jboss.home"));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/add-user.sh").toString(), "-a", "-u", user,
                "-p", password, "-sc", home.resolve("standalone/configuration").toString()));
        if (groups.length > 0) {
            command.add("-g");
            command.add(String.join(",", groups));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "add-user.sh did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "add-user.sh: " + out);
        execute(management, Operations.createOperation("load",
                Operations.createAddress("subsystem", "elytron", "properties-realm", "ApplicationRealm")));
    }

    /** Switches the demo's simulated-switch API on or off on the running server (a system property, read per request). */
    static void simulator(ModelControllerClient management, boolean on) throws Exception {
        ModelNode address = Operations.createAddress("system-property", "switchboard.console.simulator");
        ModelNode read = management.execute(Operations.createReadResourceOperation(address));
        if (Operations.isSuccessfulOutcome(read)) {
            execute(management, Operations.createRemoveOperation(address));
        }
        if (on) {
            ModelNode add = Operations.createAddOperation(address);
            add.get("value").set("true");
            execute(management, add);
        }
    }

    static ModelNode execute(ModelControllerClient management, ModelNode operation) throws IOException {
        ModelNode result = management.execute(operation);
        assertTrue(Operations.isSuccessfulOutcome(result), operation + ": " + result);
        return Operations.readResult(result);
    }

    // ---- the same on either server

    /**
     * A user of the console's realm, in the given groups (roles) or none. On WildFly it is created now
     * ({@link #createUser}); on Open Liberty users are server configuration, so the user must be in
     * server.xml's {@code <basicRegistry>} with this password (and group membership), which this checks.
     */
    static void user(String user, String password, String... groups) throws Exception {
        if (Deployments.onLiberty()) {
            String serverXml = Files.readString(LIBERTY_SERVER_XML);
            assertTrue(serverXml.contains("<user name=\"" + user + "\" password=\"" + password + "\"/>"),
                    "user " + user + " is not in the basicRegistry of " + LIBERTY_SERVER_XML);
            for (String group : groups) {
                String members = serverXml.substring(serverXml.indexOf("<group name=\"" + group + "\">"));
                members = members.substring(0, members.indexOf("</group>"));
                assertTrue(members.contains("<member name=\"" + user + "\"/>"), user + " is not in group " + group);
            }
            return;
        }
        createUser(WildFlyManagement.client(), user, password, groups);
    }

    /** Liberty's configuration of the test server, as Maven copied it (WLP_USER_DIR). */
    private static final Path LIBERTY_SERVER_XML = Path.of(System.getProperty("wlp.usr.dir", "target/liberty-usr"),
            "servers", "switchboard-it", "server.xml");

    /**
     * The test WildFly's management API, opened at first use and closed by {@link #close()}. Kept out of the test
     * classes' fields and signatures: on Open Liberty WildFly's Arquillian classes are not on the class path.
     */
    static final class WildFlyManagement {
        private static ModelControllerClient client;

        private WildFlyManagement() {
        }

        static synchronized ModelControllerClient client() throws IOException {
            if (client == null) {
                client = ModelControllerClient.Factory.create("127.0.0.1",
                        Integer.getInteger("switchboard.it.managementPort", 10090));
            }
            return client;
        }

        static synchronized void close() throws IOException {
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    // ---- HTTP

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static URI api(URL base, String path) {
        String root = base.toExternalForm();
        return URI.create((root.endsWith("/") ? root : root + "/") + "api/" + path);
    }

    static HttpResponse<String> get(URL base, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(api(base, path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A request that changes something, as the console's page sends it: with the header
     * {@code X-Switchboard-Operator: 1} and no Origin (like curl); {@code authorization} may be null (none sent).
     */
    static HttpResponse<String> send(URL base, String method, String path, String jsonBody, String authorization)
            throws IOException, InterruptedException {
        return send(base, method, path, jsonBody, authorization, "X-Switchboard-Operator", "1");
    }

    /** Like {@link #send(URL, String, String, String, String)} with exactly the extra headers given (name, value, ...). */
    static HttpResponse<String> send(URL base, String method, String path, String jsonBody, String authorization,
                                     String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(api(base, path)).timeout(TIMEOUT)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> asOperator(URL base, String method, String path, String jsonBody)
            throws IOException, InterruptedException {
        return send(base, method, path, jsonBody, basic(OPERATOR, PASSWORD));
    }

    static JsonStructure json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.read();
        }
    }

    static JsonArray getArray(URL base, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(base, path);
        assertEquals(200, r.statusCode(), "GET " + path + ": " + r.body());
        return (JsonArray) json(r.body());
    }

    static JsonObject getObject(URL base, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(base, path);
        assertEquals(200, r.statusCode(), "GET " + path + ": " + r.body());
        return (JsonObject) json(r.body());
    }

    /**
     * Places a call on the simulated switch, as the operator (the simulator API is for operators, and on in the
     * tests: {@link OperatorUserSetup}); returns its JSON ({@code simulatedCallId}, {@code callId}).
     */
    static JsonObject place(URL base, String line, String media) throws IOException, InterruptedException {
        HttpResponse<String> r = asOperator(base, "POST", "sim/calls?line=" + line + "&media=" + media, null);
        assertEquals(201, r.statusCode(), "placing a call: " + r.body());
        return (JsonObject) json(r.body());
    }

    static void simulate(URL base, String simulatedId, String what) throws IOException, InterruptedException {
        HttpResponse<String> r = asOperator(base, "POST", "sim/calls/" + simulatedId + "/" + what, null);
        assertEquals(204, r.statusCode(), what + ": " + r.body());
    }

    /** The call as {@code GET api/calls} shows it. */
    static Optional<JsonObject> call(URL base, String callId) throws IOException, InterruptedException {
        return getArray(base, "calls").getValuesAs(JsonObject.class).stream()
                .filter(c -> callId.equals(c.getString("callId"))).findFirst();
    }

    /** Waits until {@code GET api/calls} shows the call as {@code done} wants it; returns it then. */
    static JsonObject awaitCall(URL base, String callId, Predicate<JsonObject> done) {
        return await().atMost(TIMEOUT).until(() -> call(base, callId), o -> o.filter(done).isPresent()).orElseThrow();
    }

    /** Waits until the call is no longer live. */
    static void awaitGone(URL base, String callId) {
        await().atMost(TIMEOUT).until(() -> call(base, callId).isEmpty());
    }

    /** Waits for a line of {@code kind} about the call in {@code GET api/history}; returns it. */
    static JsonObject awaitHistory(URL base, String callId, String kind) {
        return await().atMost(TIMEOUT).until(() -> getArray(base, "history").getValuesAs(JsonObject.class).stream()
                        .filter(h -> callId.equals(h.getString("callId")) && kind.equals(h.getString("kind"))).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /**
     * Waits until {@code GET api/sim/calls/{sim}} says the simulated caller was played {@code prompt}: a digit
     * for a menu is pressed only then, since a gather takes only the digits pressed while it runs.
     */
    static void awaitHeard(URL base, String sim, String prompt) {
        await().atMost(TIMEOUT).until(() -> {
            HttpResponse<String> r = asOperator(base, "GET", "sim/calls/" + sim, null);
            assertEquals(200, r.statusCode(), r.body());
            return strings(((JsonObject) json(r.body())).getJsonArray("played")).contains(prompt);
        });
    }

    static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        array.getValuesAs(jakarta.json.JsonString.class).forEach(s -> out.add(s.getString()));
        return out;
    }
}
