package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.operator.OperatorStatistics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/administrator-guide.md, "Metrics for Prometheus": with the server configured as the guide says
 * (WildFly: its CLI block, run as written; Liberty: the mpMetrics feature in the suite's server.xml),
 * a Prometheus scrape of the server's own endpoint shows every figure of the adapter, labelled with its
 * instanceName, with the value the adapter reports, after a call and after it ends.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class MetricsIT {
    // First of the suite (junit-platform.properties orders classes by @Order): its guide block reloads the shared
    // server, and on WildFly 39 a reload no longer boots once the server has refused an MDB's activation, as
    // StandaloneAdapterIT's bad-config.ear is: the refused MDB's resume hook outlives its rolled-back deployment and
    // fails the reloaded server's boot (WFLYSRV0055 ... WFLYEJB0501: Failed to activate MDB BadConfigApp), which
    // takes every later class down. See docs/administrator-guide.md, "Metrics for Prometheus".
    /** The Prometheus names the guide documents, and the figure each must show. */
    private static final Map<String, ToLongFunction<OperatorStatistics>> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("switchboard_calls_offered_total", OperatorStatistics::callsOffered);
        FIGURES.put("switchboard_handoffs_succeeded_total", OperatorStatistics::handoffsSucceeded);
        FIGURES.put("switchboard_handoffs_target_not_found_total", OperatorStatistics::handoffsTargetNotFound);
        FIGURES.put("switchboard_handoffs_target_self_total", OperatorStatistics::handoffsTargetSelf);
        FIGURES.put("switchboard_handoffs_rolled_back_total", OperatorStatistics::handoffsRolledBack);
        FIGURES.put("switchboard_offers_refused_total", OperatorStatistics::offersRefused);
        FIGURES.put("switchboard_transactions_committed_total", OperatorStatistics::transactionsCommitted);
        FIGURES.put("switchboard_transactions_rolled_back_total", OperatorStatistics::transactionsRolledBack);
        FIGURES.put("switchboard_calls_live", OperatorStatistics::liveCalls);
        FIGURES.put("switchboard_calls_unowned", OperatorStatistics::unownedCalls);
        FIGURES.put("switchboard_lines", OperatorStatistics::lines);
        FIGURES.put("switchboard_applications", OperatorStatistics::applications);
    }

    /** One sample line of the text format: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^(switchboard_[a-z_]+)\\{([^}]*)\\} (\\S+)", Pattern.MULTILINE);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.withWebModule(Deployments.earWithAdapter("metrics-it.ear", MetricsIT.class),
                Deployments.metricsWarAsBuilt(), "/switchboard-metrics");
        WebArchive test = ear.getAsType(WebArchive.class, "test.war");
        ear.delete("test.war");
        return ear.addAsModule(Testable.archiveToTest(test)); // two wars: the test runs in this one

    }

    /**
     * WildFly: the guide's CLI block, as written. It reloads the shared server, and so restarts this deployment and
     * everything else deployed: the CLI waits for the reload ({@link GuideCli#RELOAD_WAIT}), and the test then waits
     * until the server itself says "running", so neither this class nor the ones after it meet a server mid-reload.
     */
    @Test
    @Order(1)
    @RunAsClient
    void theServerIsConfiguredAsTheGuideSays() throws Exception {
        if (!Deployments.onLiberty()) {
            GuideCli.run("metrics-prometheus");
            WildFlyServerState.awaitRunning(GuideCli.RELOAD_WAIT);
        } // Liberty: mpMetrics-5.1 and <mpMetrics authentication="false"/> in the suite's server.xml
    }

    @Test
    @Order(2)
    void aScrapeOfTheServerShowsEveryFigureWithTheAdaptersValue() {
        SwitchboardConnectionFactory factory = Calls.factory(Deployments.CONNECTION_FACTORY);
        SwitchboardOperator operator = factory.getOperator();
        CallView call = Calls.place(factory, "line1", MediaMode.INTERACTIVEVOICE.bit());

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Long> scraped = scrape(operator.instanceName());
            assertEquals(expected(operator.statistics()), scraped);
            assertEquals(1, scraped.get("switchboard_calls_live"), "the call placed is live");
        });

        // the test applications keep their handles at IDLE (see Leaks): the operator's next drop removes the leftover
        await().atMost(WAIT).until(() -> {
            if (operator.call(call.callId()).isPresent()) {
                try {
                    operator.dropCall(call.callId());
                } catch (SwitchboardException goneMeanwhile) {
                    // INVALCALLHANDLE: it left between the look and the drop
                }
            }
            return operator.call(call.callId()).isEmpty();
        });
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Long> scraped = scrape(operator.instanceName());
            assertEquals(expected(operator.statistics()), scraped);
            assertEquals(0, scraped.get("switchboard_calls_live"), "the call ended");
        });
    }

    private static Map<String, Long> expected(OperatorStatistics stats) {
        Map<String, Long> expected = new TreeMap<>();
        FIGURES.forEach((name, figure) -> expected.put(name, figure.applyAsLong(stats)));
        return expected;
    }

    /** The switchboard_ samples of the server's endpoint labelled adapter="instance", by name. */
    private static Map<String, Long> scrape(String instance) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(scrapeUri()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), scrapeUri() + " answered " + response.body());
        Map<String, Long> samples = new TreeMap<>();
        Matcher m = SAMPLE.matcher(response.body());
        while (m.find()) {
            if (m.group(2).contains("adapter=\"" + instance + "\"")) {
                samples.put(m.group(1), (long) Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }

    /** The server's own Prometheus endpoint, as the guide gives it, at the suite's ports. */
    private static URI scrapeUri() {
        if (System.getProperty("wlp.install.dir") != null) {
            return URI.create("http://127.0.0.1:9280/metrics?scope=application"); // server.xml's httpPort
        }
        int management = 9990 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return URI.create("http://127.0.0.1:" + management + "/prometheus");
    }
}
