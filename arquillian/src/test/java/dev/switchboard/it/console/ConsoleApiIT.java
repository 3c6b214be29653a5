package dev.switchboard.it.console;

import static dev.switchboard.it.console.Console.PRIORITY_FILE;
import static dev.switchboard.it.console.Console.TIMEOUT;
import static dev.switchboard.it.console.Console.asOperator;
import static dev.switchboard.it.console.Console.basic;
import static dev.switchboard.it.console.Console.call;
import static dev.switchboard.it.console.Console.getArray;
import static dev.switchboard.it.console.Console.getObject;
import static dev.switchboard.it.console.Console.json;
import static dev.switchboard.it.console.Console.place;
import static dev.switchboard.it.console.Console.send;
import static dev.switchboard.it.console.Console.simulate;
import static dev.switchboard.it.console.Console.strings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator console's REST API and its security, against the real {@code switchboard.ear}, from
 * outside the server like a browser or curl.
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(OperatorUserSetup.class)
class ConsoleApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() throws Exception {
        return Console.ear();
    }

    @ArquillianResource
    URL base;

    @Test
    void linesShowTheirProvider() throws Exception {
        JsonArray lines = getArray(base, "lines");
        assertEquals(List.of("line1 sim", "line2 sim"), lines.getValuesAs(JsonObject.class).stream()
                .map(l -> l.getString("name") + " " + l.getString("provider")).toList());
    }

    @Test
    void callsShowDecodedMediaOwnersAndMonitorsAndTheHandoffToFaxIsInTheHistory_R10_R17() throws Exception {
        JsonObject placed = place(base, "line1", "INTERACTIVEVOICE");
        String callId = placed.getString("callId");
        String sim = placed.getString("simulatedCallId");

        JsonObject voice = awaitCall(callId, c -> strings(c.getJsonArray("owners")).equals(List.of("voice")));
        assertEquals(List.of("INTERACTIVEVOICE"), strings(voice.getJsonArray("media")));
        assertEquals(4, voice.getInt("mediaModes"));
        assertTrue(strings(voice.getJsonArray("monitors")).contains("audit"), voice.toString());
        assertFalse(voice.getBoolean("unowned"));
        assertEquals("sim", voice.getString("provider"));

        simulate(base, sim, "media?mode=G3FAX");

        JsonObject fax = awaitCall(callId, c -> strings(c.getJsonArray("owners")).equals(List.of("fax")));
        assertEquals(List.of("G3FAX"), strings(fax.getJsonArray("media")));
        JsonObject handoff = awaitHistory(callId, "HANDOFF");
        assertEquals("voice", handoff.getString("application"));
        assertEquals("G3FAX", handoff.getString("target"));
        assertEquals("SUCCESS", handoff.getString("result"));
        JsonObject stats = getObject(base, "stats");
        assertTrue(stats.getJsonNumber("handoffs").longValue() >= 1, stats.toString());
        assertTrue(stats.getJsonNumber("calls").longValue() >= 1, stats.toString());
        hangUp(sim, callId);
    }

    @Test
    void rolledBackHandoffIsInTheHistoryAndTheCallStaysWithVoice_R21() throws Exception {
        JsonObject placed = place(base, "line2", "INTERACTIVEVOICE");
        String callId = placed.getString("callId");
        awaitCall(callId, c -> strings(c.getJsonArray("owners")).equals(List.of("voice"))
                && "CONNECTED".equals(c.getString("state")));

        simulate(base, placed.getString("simulatedCallId"), "digits?d=8");

        JsonObject rollback = awaitHistory(callId, "ROLLBACK");
        assertEquals("voice", rollback.getString("application"));
        assertEquals(List.of("voice"), strings(call(base, callId).orElseThrow().getJsonArray("owners")));
        assertTrue(getObject(base, "stats").getJsonNumber("rollbacks").longValue() >= 1);
        hangUp(placed.getString("simulatedCallId"), callId);
    }

    @Test
    void prioritiesShowTheAdministratorsListAndTheEffectiveOrderPerLine_R1() throws Exception {
        JsonArray all = getArray(base, "priorities");
        assertEquals(15, all.size(), "one entry per media mode");
        JsonObject fax = getObject(base, "priorities/G3FAX");
        assertEquals(32, fax.getInt("bit"));
        assertEquals(List.of("fax"), strings(fax.getJsonObject("effective").getJsonArray("line1")));
        assertEquals(List.of("fax"), strings(fax.getJsonObject("effective").getJsonArray("line2")));
    }

    @Test
    void operatorEditsAPriorityListAndItIsSaved_R1_R3() throws Exception {
        try {
            HttpResponse<String> r = asOperator(base, "PUT", "priorities/DATAMODEM", "[\"fax\", \"datamodem\"]");
            assertEquals(200, r.statusCode(), r.body());

            JsonObject now = getObject(base, "priorities/DATAMODEM");
            assertEquals(List.of("fax", "datamodem"), strings(now.getJsonArray("admin")));
            // R1: the administrator's entries first; fax did not open the lines for DATAMODEM but is an owner
            assertEquals("datamodem", strings(now.getJsonObject("effective").getJsonArray("line1"))
                    .stream().filter(a -> a.equals("datamodem")).findFirst().orElse(null));
            // R3: in the adapter's priority file at once
            assertTrue(Files.readString(PRIORITY_FILE).lines().anyMatch(l -> l.equals("DATAMODEM=fax,datamodem")),
                    "priority file: " + Files.readString(PRIORITY_FILE));
        } finally {
            asOperator(base, "PUT", "priorities/DATAMODEM", "[]");
        }
        assertEquals(List.of(), strings(getObject(base, "priorities/DATAMODEM").getJsonArray("admin")));
    }

    @Test
    void badPriorityListIsRefusedWith400() throws Exception {
        assertEquals(400, asOperator(base, "PUT", "priorities/G3FAX", "[\"fax\", \"fax\"]").statusCode());
        assertEquals(400, asOperator(base, "PUT", "priorities/G3FAX", "[\"a,b\"]").statusCode());
        assertEquals(400, asOperator(base, "PUT", "priorities/NOSUCHMODE", "[\"fax\"]").statusCode());
        assertEquals(List.of(), strings(getObject(base, "priorities/G3FAX").getJsonArray("admin")));
    }

    @Test
    void unauthenticatedChangesGet401AndChangeNothing() throws Exception {
        String before = getObject(base, "priorities/G3FAX").toString();
        String fileBefore = Files.exists(PRIORITY_FILE) ? Files.readString(PRIORITY_FILE) : "";

        HttpResponse<String> none = send(base, "PUT", "priorities/G3FAX", "[\"voice\"]", null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), none.headers().toString());
        assertEquals(401, send(base, "PUT", "priorities/G3FAX", "[\"voice\"]", basic("operator", "wrong")).statusCode());
        assertEquals(401, send(base, "PUT", "priorities/G3FAX", "[\"voice\"]", basic("nobody", "x")).statusCode());
        assertEquals(before, getObject(base, "priorities/G3FAX").toString());
        assertEquals(fileBefore, Files.exists(PRIORITY_FILE) ? Files.readString(PRIORITY_FILE) : "");

        JsonObject placed = place(base, "line1", "TDD"); // nobody owns TDD: it stays, unowned (R7)
        String callId = placed.getString("callId");
        awaitCall(callId, c -> c.getBoolean("unowned"));
        assertEquals(401, send(base, "POST", "calls/" + callId + "/drop", null, null).statusCode());
        assertEquals(401, send(base, "POST", "calls/" + callId + "/assign?app=fax", null, null).statusCode());
        JsonObject still = call(base, callId).orElseThrow();
        assertTrue(still.getBoolean("unowned"), still.toString());

        assertEquals(401, send(base, "GET", "whoami", null, null).statusCode());
        JsonObject me = (JsonObject) json(send(base, "GET", "whoami", null, basic("operator", Console.PASSWORD)).body());
        assertEquals("operator", me.getString("user"));
        assertTrue(me.getBoolean("operator"));
        hangUp(placed.getString("simulatedCallId"), callId);
    }

    @Test
    void operatorHandsAnUnownedCallToAnApplicationAndDropsIt_R7() throws Exception {
        JsonObject placed = place(base, "line2", "TDD");
        String callId = placed.getString("callId");
        awaitCall(callId, c -> c.getBoolean("unowned") && "OFFERING".equals(c.getString("state")));
        JsonObject unowned = awaitHistory(callId, "UNOWNED");
        assertEquals("line2", unowned.getString("line"));

        HttpResponse<String> assigned = asOperator(base, "POST", "calls/" + callId + "/assign?app=fax", null);
        assertEquals(200, assigned.statusCode(), assigned.body());
        awaitCall(callId, c -> strings(c.getJsonArray("owners")).contains("fax") && !c.getBoolean("unowned"));

        HttpResponse<String> dropped = asOperator(base, "POST", "calls/" + callId + "/drop", null);
        assertEquals(200, dropped.statusCode(), dropped.body());
        // dropped: DISCONNECTED, IDLE, and gone once every application has let go
        await().atMost(TIMEOUT).until(() -> call(base, callId).isEmpty());
    }

    @Test
    void operatorActionOnAnUnknownCallIs404() throws Exception {
        assertEquals(404, asOperator(base, "POST", "calls/no-such-call/drop", null).statusCode());
    }

    @Test
    void serverSentEventsCarryTheCallAsItChanges() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(Console.api(base, "events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = stream.body()) {
            assertEquals(200, stream.statusCode());
            assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            reader.submit(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        received.add(line);
                    }
                }
                return null;
            });
            // subscribed: the counters come at once
            await().atMost(TIMEOUT).until(() -> received.contains("event: stats"));

            JsonObject placed = place(base, "line1", "INTERACTIVEVOICE");
            String callId = placed.getString("callId");
            await().atMost(TIMEOUT).until(() -> dataOf(received, "call").stream()
                    .anyMatch(d -> callId.equals(d.getString("callId")) && d.containsKey("call")
                            && strings(d.getJsonObject("call").getJsonArray("owners")).contains("voice")));

            simulate(base, placed.getString("simulatedCallId"), "digits?d=9");
            await().atMost(TIMEOUT).until(() -> dataOf(received, "history").stream()
                    .anyMatch(d -> callId.equals(d.getString("callId")) && "HANDOFF".equals(d.getString("kind"))));
            await().atMost(TIMEOUT).until(() -> dataOf(received, "call").stream()
                    .anyMatch(d -> callId.equals(d.getString("callId")) && d.containsKey("call")
                            && strings(d.getJsonObject("call").getJsonArray("owners")).equals(List.of("fax"))));
            hangUp(placed.getString("simulatedCallId"), callId);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void aVoicemailLeftThroughTheSimulatorIsListed_R28() throws Exception {
        // the README's demo, as curl does it: the caller hears the menu, presses 1, talks after the beep
        JsonObject placed = place(base, "line2", "INTERACTIVEVOICE");
        String callId = placed.getString("callId");
        String sim = placed.getString("simulatedCallId");
        awaitHeard(sim, "menu.wav");
        simulate(base, sim, "digits?d=1");
        awaitHeard(sim, "tone:BEEP");
        simulate(base, sim, "speak?ms=1500");

        JsonObject message = await().atMost(Duration.ofSeconds(30)).until(() -> getArray(base, "voicemail")
                        .getValuesAs(JsonObject.class).stream()
                        .filter(v -> v.getString("name").endsWith("-" + callId + ".wav")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertTrue(message.getJsonNumber("seconds").doubleValue() >= 6.0, "1.5 s of voice, 5 s of silence: " + message);
        assertTrue(message.getJsonNumber("bytes").longValue() > 8000 * 2 * 6, message.toString());
        Console.awaitGone(base, callId); // goodbye, and the voice application hangs up
        assertEquals(404, asOperator(base, "GET", "sim/calls/" + sim, null).statusCode(), "the switch forgot the call");
    }

    // ---- helpers

    private void awaitHeard(String sim, String prompt) {
        Console.awaitHeard(base, sim, prompt);
    }

    /** The data of every event named {@code name} so far. */
    private static List<JsonObject> dataOf(List<String> lines, String name) {
        List<JsonObject> out = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("event: " + name) && lines.get(i + 1).startsWith("data:")) {
                out.add((JsonObject) json(lines.get(i + 1).substring("data:".length()).trim()));
            }
        }
        return out;
    }

    private JsonObject awaitCall(String callId, java.util.function.Predicate<JsonObject> done) {
        return Console.awaitCall(base, callId, done);
    }

    private JsonObject awaitHistory(String callId, String kind) {
        return Console.awaitHistory(base, callId, kind);
    }

    private void hangUp(String simulatedId, String callId) throws Exception {
        simulate(base, simulatedId, "hangup");
        Console.awaitGone(base, callId);
    }
}
