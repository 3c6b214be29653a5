package dev.switchboard.it.console;

import static dev.switchboard.it.console.Console.PRIORITY_FILE;
import static dev.switchboard.it.console.Console.TIMEOUT;
import static dev.switchboard.it.console.Console.asOperator;
import static dev.switchboard.it.console.Console.basic;
import static dev.switchboard.it.console.Console.call;
import static dev.switchboard.it.console.Console.getObject;
import static dev.switchboard.it.console.Console.json;
import static dev.switchboard.it.console.Console.place;
import static dev.switchboard.it.console.Console.send;
import static dev.switchboard.it.console.Console.strings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.it.Deployments;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's defences, from outside the server like a browser or curl would meet them: response
 * headers, bad JSON, operator names the priority store cannot keep, the cross-site (CSRF) guard, the
 * simulator switch, a second operator, failed logins and WildFly's lockout, and a live-feed client that
 * leaves. The cross-site attack in a real browser is {@link ConsoleBrowserIT}.
 *
 * <p>On both servers. The users are WildFly ApplicationRealm users created by the test, and on Open Liberty
 * server.xml's basicRegistry ({@link Console#user}); what needs WildFly's management API at run time (the
 * simulator switched off, the lockout) is WildFly's alone and says why.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(OperatorUserSetup.class)
class ConsoleSecurityIT {

    private static final String HEADER = "X-Switchboard-Operator";
    /**
     * HTTP/1.1 as browsers speak it without TLS: Java's default client offers an h2c upgrade on a GET, which Open
     * Liberty accepted and then left the page's request hanging ("H2Exception: stream was already closed").
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() throws Exception {
        return Console.ear();
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void closeManagement() throws Exception {
        Console.WildFlyManagement.close();
    }

    // ---- headers

    @Test
    void everyResponseCarriesAntiFramingAndContentSecurityHeaders() throws Exception {
        List<HttpResponse<String>> responses = List.of(
                get(URI.create(base.toExternalForm())),                       // the page
                get(URI.create(base.toExternalForm() + "console.js")),
                get(Console.api(base, "calls")),
                get(Console.api(base, "calls/no-such-call")),                 // 404
                send(base, "PUT", "priorities/G3FAX", "[]", null),            // the server's own 401
                send(base, "PUT", "priorities/G3FAX", "[]", operator(), "X-Other", "1")); // 403 cross-site
        for (HttpResponse<String> r : responses) {
            String what = r.request().method() + " " + r.uri() + " -> " + r.statusCode();
            assertEquals("DENY", header(r, "X-Frame-Options"), what);
            assertTrue(header(r, "Content-Security-Policy").contains("default-src 'self'"), what);
            assertTrue(header(r, "Content-Security-Policy").contains("frame-ancestors 'none'"), what);
            assertEquals("nosniff", header(r, "X-Content-Type-Options"), what);
            assertEquals("same-origin", header(r, "Referrer-Policy"), what);
            if (r.uri().getPath().contains("/api/")) {
                // Liberty adds no-cache="set-cookie" where it sets its LtpaToken2 cookie after a BASIC login
                assertTrue(header(r, "Cache-Control").contains("no-store"), what + ": " + header(r, "Cache-Control"));
            }
        }
        HttpResponse<String> unauthorized = responses.get(4);
        assertEquals(401, unauthorized.statusCode());
        assertTrue(header(unauthorized, "WWW-Authenticate").startsWith("Basic"), unauthorized.headers().toString());
        assertEquals("UNAUTHORIZED", ((JsonObject) json(unauthorized.body())).getString("error"));
    }

    // ---- bad input

    @Test
    void malformedJsonGets400WithAClearMessageAndNoStackTrace() throws Exception {
        ServerLog log = ServerLog.mark();
        for (String body : List.of("[\"fax\"", "{\"a\": 1}", "'fax'", "[fax]")) {
            HttpResponse<String> r = asOperator(base, "PUT", "priorities/G3FAX", body);
            assertEquals(400, r.statusCode(), body + ": " + r.body());
            JsonObject error = (JsonObject) json(r.body());
            assertEquals("BADJSON", error.getString("error"), r.body());
            assertTrue(error.getString("message").contains("[\"fax\"]"), "says what is expected: " + r.body());
        }
        assertTrue(((JsonObject) json(asOperator(base, "PUT", "priorities/G3FAX", "[\"fax\"").body()))
                .getString("message").contains("not valid JSON (it breaks at line 1"));
        HttpResponse<String> empty = asOperator(base, "PUT", "priorities/G3FAX", "");
        assertEquals(400, empty.statusCode(), empty.body());
        // WildFly hands the method no body ("... is required"); Liberty's JSON-B fails on it ("... takes ...")
        assertTrue(empty.body().contains("JSON array of application names"), empty.body());
        assertEquals(List.of(), log.lines("ERROR"));
        assertEquals(List.of(), log.lines("\tat "), "no stack trace");
        assertEquals(List.of(), strings(getObject(base, "priorities/G3FAX").getJsonArray("admin")));
    }

    @Test
    void operatorNamesWithControlCharactersOrOf200KbAreRefusedBeforeThePriorityStore_R2_R3() throws Exception {
        ServerLog log = ServerLog.mark();
        String fileBefore = Files.exists(PRIORITY_FILE) ? Files.readString(PRIORITY_FILE) : "";

        HttpResponse<String> escape = asOperator(base, "PUT", "priorities/G3FAX", "[\"fax\\u001b[2J\"]");
        assertEquals(400, escape.statusCode(), escape.body());
        JsonObject e1 = (JsonObject) json(escape.body());
        assertEquals("INVALAPPNAME", e1.getString("error"));
        assertTrue(e1.getString("message").contains("U+001B"), e1.toString());

        HttpResponse<String> newline = asOperator(base, "PUT", "priorities/G3FAX", "[\"fax\\nDATAMODEM=evil\"]");
        assertEquals(400, newline.statusCode(), newline.body());

        String huge = "x".repeat(200 * 1024);
        HttpResponse<String> big = asOperator(base, "PUT", "priorities/G3FAX", "[\"" + huge + "\"]");
        assertEquals(400, big.statusCode());
        JsonObject e2 = (JsonObject) json(big.body());
        assertEquals("INVALAPPNAME", e2.getString("error"));
        assertTrue(e2.getString("message").contains("204800 characters"), e2.getString("message"));
        assertTrue(big.body().length() < 1000, "the answer does not echo the name: " + big.body().length());

        assertEquals(fileBefore, Files.exists(PRIORITY_FILE) ? Files.readString(PRIORITY_FILE) : "");
        assertEquals(List.of(), strings(getObject(base, "priorities/G3FAX").getJsonArray("admin")));
        assertTrue(log.lines().stream().noneMatch(l -> l.contains("\u001b") || l.length() > 10_000),
                "nothing raw or huge in server.log");
    }

    // ---- cross-site requests

    @Test
    void aChangeWithoutTheOperatorHeaderOrFromAnotherOriginGets403AndChangesNothing() throws Exception {
        JsonObject placed = place(base, "line1", "TDD"); // nobody owns TDD: the call stays until dropped
        String callId = placed.getString("callId");
        Console.awaitCall(base, callId, c -> c.getBoolean("unowned"));
        try {
            HttpResponse<String> noHeader = send(base, "POST", "calls/" + callId + "/drop", null, operator(),
                    "Origin", own());
            assertEquals(403, noHeader.statusCode(), noHeader.body());
            JsonObject refused = (JsonObject) json(noHeader.body());
            assertEquals("CROSSSITE", refused.getString("error"));
            assertTrue(refused.getString("message").contains(HEADER + ": 1"), refused.toString());

            HttpResponse<String> otherSite = send(base, "POST", "calls/" + callId + "/drop", null, operator(),
                    HEADER, "1", "Origin", "http://evil.example");
            assertEquals(403, otherSite.statusCode(), otherSite.body());
            assertTrue(((JsonObject) json(otherSite.body())).getString("message").contains("'http://evil.example'"));

            HttpResponse<String> otherReferer = send(base, "PUT", "priorities/G3FAX", "[\"voice\"]", operator(),
                    HEADER, "1", "Referer", "http://evil.example/page.html");
            assertEquals(403, otherReferer.statusCode(), otherReferer.body());

            assertTrue(call(base, callId).isPresent(), "the call is still there");
            assertEquals(List.of(), strings(getObject(base, "priorities/G3FAX").getJsonArray("admin")));

            // the console's own origin with the header: allowed
            HttpResponse<String> own = send(base, "POST", "calls/" + callId + "/drop", null, operator(),
                    HEADER, "1", "Origin", own());
            assertDropped(own);
            Console.awaitGone(base, callId);
        } finally {
            if (call(base, callId).isPresent()) {
                Console.simulate(base, placed.getString("simulatedCallId"), "hangup");
            }
        }
    }

    @Test
    void crossSiteRefusalsAreLoggedOncePerSourceAddress() throws Exception {
        ServerLog log = ServerLog.mark();
        for (int i = 0; i < 5; i++) {
            assertEquals(403, RawHttp.send("127.0.0.3", base, "PUT", "priorities/G3FAX",
                    "Authorization: " + operator(), "Origin: http://evil.example"));
        }
        List<String> lines = log.lines("SWB4012", "'127.0.0.3'");
        assertEquals(1, lines.size(), "one line per source and minute: " + lines);
        assertTrue(lines.get(0).contains("'http://evil.example'"), lines.get(0));
    }

    // ---- the simulator

    @Test
    void theSimulatorIsOnlyForOperatorsAndKnowsOnlyItsLiveCalls() throws Exception {
        Console.user("watcher", "Watcher-1"); // a user of the realm, not an operator
        assertEquals(401, send(base, "POST", "sim/calls?line=line1&media=TDD", null, null).statusCode());
        HttpResponse<String> notOperator = send(base, "POST", "sim/calls?line=line1&media=TDD", null,
                basic("watcher", "Watcher-1"));
        assertEquals(403, notOperator.statusCode(), notOperator.body());
        assertEquals(403, send(base, "PUT", "priorities/G3FAX", "[]", basic("watcher", "Watcher-1")).statusCode());

        for (String what : List.of("digits?d=9", "media?mode=G3FAX", "hangup")) {
            HttpResponse<String> unknown = asOperator(base, "POST", "sim/calls/sim-999999/" + what, null);
            assertEquals(404, unknown.statusCode(), what + ": " + unknown.body());
            assertTrue(unknown.body().contains("no live simulated call 'sim-999999'"), unknown.body());
        }
        JsonObject placed = place(base, "line2", "TDD");
        Console.simulate(base, placed.getString("simulatedCallId"), "hangup");
        Console.awaitGone(base, placed.getString("callId"));
        assertEquals(404, asOperator(base, "POST", "sim/calls/" + placed.getString("simulatedCallId") + "/hangup",
                null).statusCode(), "a call that ended is unknown too");
    }

    @Test
    @EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly", disabledReason = "switches the"
            + " simulator off on the running server (a system property, through WildFly's management API); Open"
            + " Liberty has no such operation: there the setting is -Dswitchboard.console.simulator at start")
    void theSimulatorIsOffUnlessSwitchedOn() throws Exception {
        ModelControllerClient management = Console.WildFlyManagement.client();
        Console.simulator(management, false);
        try {
            HttpResponse<String> off = asOperator(base, "POST", "sim/calls?line=line1&media=TDD", null);
            assertEquals(404, off.statusCode(), off.body());
            JsonObject e = (JsonObject) json(off.body());
            assertEquals("SIMULATOROFF", e.getString("error"));
            assertTrue(e.getString("message").contains("-Dswitchboard.console.simulator=true"), e.toString());
        } finally {
            Console.simulator(management, true);
        }
    }

    // ---- operators

    @Test
    void aSecondOperatorCanWorkAndTheLogNamesWhoActed() throws Exception {
        Console.user("operator2", "Second-Operator-2", "operator");
        String second = basic("operator2", "Second-Operator-2");
        ServerLog log = ServerLog.mark();

        JsonObject me = (JsonObject) json(send(base, "GET", "whoami", null, second).body());
        assertEquals("operator2", me.getString("user"));
        assertTrue(me.getBoolean("operator"));

        JsonObject placed = place(base, "line2", "TDD");
        String callId = placed.getString("callId");
        Console.awaitCall(base, callId, c -> c.getBoolean("unowned"));
        HttpResponse<String> dropped = send(base, "POST", "calls/" + callId + "/drop", null, second);
        assertDropped(dropped);
        Console.awaitGone(base, callId);

        assertEquals(1, log.lines("SWB4002", "operator 'operator2' dropped call '" + callId + "'").size(),
                String.join("\n", log.lines("SWB400")));
        assertEquals(1, log.lines("SWB4004", "operator 'operator'", "placed").size(), "the first operator placed it");
    }

    @Test
    @EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly", disabledReason = "WildFly's lockout"
            + " (Elytron's brute-force protection, 10 failures lock an account for 15 min) and the console's SWB4011"
            + " about it; Open Liberty's basicRegistry locks no account")
    void failedLoginsAreLoggedOncePerSourceAndTenLockTheAccountAsWildFlyDocuments() throws Exception {
        Console.createUser(Console.WildFlyManagement.client(), "lockme", "Lock-Me-1", "operator");
        ServerLog log = ServerLog.mark();
        String right = "Authorization: " + basic("lockme", "Lock-Me-1");
        assertEquals(200, RawHttp.send("127.0.0.2", base, "GET", "whoami", right));

        // WildFly 39's default for every realm (Elytron brute-force protection): 10 failures in a row lock for 15 min
        for (int i = 1; i <= 10; i++) {
            assertEquals(401, RawHttp.send("127.0.0.2", base, "GET", "whoami",
                    "Authorization: " + basic("lockme", "wrong-" + i)), "attempt " + i);
        }
        assertEquals(401, RawHttp.send("127.0.0.2", base, "GET", "whoami", right),
                "locked: even the right password is refused");
        assertEquals(200, RawHttp.send("127.0.0.2", base, "GET", "whoami",
                "Authorization: " + operator()), "another operator is not locked out");

        List<String> failed = log.lines("SWB4010", "'127.0.0.2'");
        assertEquals(1, failed.size(), "at most one line per source and minute: " + failed);
        assertTrue(failed.get(0).contains("as user 'lockme' (1 in a row"), failed.get(0));
        assertTrue(failed.get(0).contains("locks an account for 15 min after 10 failed logins"), failed.get(0));
        List<String> locked = log.lines("SWB4011", "'lockme'");
        assertEquals(1, locked.size(), String.join("\n", log.lines("SWB401")));
        assertTrue(locked.get(0).contains("10 times in a row"), locked.get(0));
    }

    @Test
    void aWrongPasswordCannotWriteControlCharactersIntoTheLog() throws Exception {
        ServerLog log = ServerLog.mark();
        assertEquals(401, RawHttp.send("127.0.0.4", base, "GET", "whoami",
                "Authorization: " + basic("evil\u001b[2J\nSWB4002 forged", "x")));
        List<String> lines = log.lines("SWB4010", "'127.0.0.4'");
        assertEquals(1, lines.size(), String.join("\n", log.lines()));
        assertTrue(lines.get(0).contains("'evil\\u001B[2J\\nSWB4002 forged'"), lines.get(0));
        // Open Liberty's own audit line for a failed login (CWWKS1100A) repeats the user ID as sent, escape and
        // newline included: the server's doing, which the console cannot change (docs/portability.md)
        assertTrue(log.linesWithoutLibertys("CWWKS1100A").stream()
                .noneMatch(l -> l.contains("\u001b") || l.startsWith("SWB4002 forged")));
    }

    // ---- the live feed

    @Test
    void aBrowserLeavingTheLiveFeedLogsNoErrorAndNoStackTrace() throws Exception {
        debugLogging(true);
        try {
            ServerLog log = ServerLog.mark();
            ServerLog debug = ServerLog.markDebug();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + Console.api(base, "events").getRawPath() + " HTTP/1.1\r\nHost: " + base.getHost()
                        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                String status = in.readLine();
                assertTrue(status.contains(" 200 "), status);
                for (String line = in.readLine(); !"event: stats".equals(line); line = in.readLine()) {
                    assertFalse(line == null, "the stream ended before its first event");
                }
            } // the browser leaves
            // the counters go out every second: the next write finds the browser gone and ends its stream
            await().atMost(TIMEOUT).until(() -> !debug.lines("SWB4020", "went away").isEmpty());
            assertEquals(List.of(), log.lines("ERROR"));
            // Open Liberty's web container logs its own failed flush to the departed browser (SRVE8055E, SRVE8056E,
            // with a stack trace) after the console has ended the stream; the console logs none
            List<String> ours = log.linesWithoutLibertys("SRVE8055E", "SRVE8056E");
            assertEquals(List.of(), ours.stream().filter(l -> l.contains("\tat ")).toList(), "no stack trace");
        } finally {
            debugLogging(false);
        }
    }

    /**
     * The console's DEBUG messages on or off: on WildFly a logger added and removed through the management API; on
     * Open Liberty they are always on, in trace.log (server.xml's traceSpecification), so there is nothing to do.
     */
    private static void debugLogging(boolean on) throws Exception {
        if (Deployments.onLiberty()) {
            return;
        }
        ModelNode logger = Operations.createAddress("subsystem", "logging", "logger", "dev.switchboard.console");
        if (on) {
            ModelNode add = Operations.createAddOperation(logger);
            add.get("level").set("DEBUG");
            Console.execute(Console.WildFlyManagement.client(), add);
        } else {
            Console.execute(Console.WildFlyManagement.client(), Operations.createRemoveOperation(logger));
        }
    }

    // ---- helpers

    private static String operator() {
        return basic(Console.OPERATOR, Console.PASSWORD);
    }

    private String own() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    /**
     * A drop that was allowed: 200 with the call as it is now, or 204 when it had already gone by the
     * time the answer was made (an unowned call has no handle to wait for, so that is a race).
     */
    private static void assertDropped(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 200 || response.statusCode() == 204,
                () -> "the drop was refused: " + response.statusCode() + " " + response.body());
    }
}
