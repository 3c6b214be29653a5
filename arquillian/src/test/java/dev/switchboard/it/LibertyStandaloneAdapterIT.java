package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.CallView;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.it.apps.FaxApp;
import dev.switchboard.it.apps.Results;
import dev.switchboard.it.apps.StandaloneApp;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Open Liberty's counterpart of {@link StandaloneAdapterIT}: the adapter deployed on its own, configured the way
 * docs/administrator-guide.md ("The adapter on its own") does it, all in server.xml
 * (src/test/liberty/servers/switchboard-standalone): {@code <resourceAdapter location=...>} with its properties,
 * a {@code <connectionFactory>}, an {@code <activationSpec>} per MDB (one overriding the MDB's lines), and an
 * application that sees the adapter's API through {@code <classloader classProviderRef="switchboard"/>} and
 * reaches the factory through its own resource reference, bound by its {@code ibm-application-bnd.xml}.
 *
 * <p>It runs on a Liberty server of its own, in the failsafe execution {@code liberty-standalone} of the
 * {@code liberty} profile (tag {@value #TAG}, Arquillian container {@code liberty-standalone}): a
 * resourceAdapter in server.xml lives as long as the server, and the suite's server must end with none.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(LibertyStandaloneAdapterIT.TAG)
class LibertyStandaloneAdapterIT {
    static final String TAG = "liberty-standalone";
    private static final String CONSOLE_WAR = "switchboard-console.war";
    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * The application alone, no adapter inside: its MDBs, the test, and the resource reference of the
     * administrator's guide. Arquillian writes it into server.xml as {@code <application name="standalone-app">}.
     */
    @Deployment
    static EnterpriseArchive deployment() {
        JavaArchive apps = ShrinkWrap.create(JavaArchive.class, "test-apps.jar")
                .addClasses(StandaloneApp.class, FaxApp.class, Results.class);
        String applicationXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                  <application-name>standalone-app</application-name>
                  <module><ejb>test-apps.jar</ejb></module>
                  <module><web><web-uri>test.war</web-uri><context-root>/standalone-test</context-root></web></module>
                  <module><web><web-uri>%s</web-uri><context-root>/switchboard</context-root></web></module>
                  <resource-ref>
                    <res-ref-name>%s</res-ref-name>
                    <res-type>dev.switchboard.api.SwitchboardConnectionFactory</res-type>
                    <res-auth>Container</res-auth>
                  </resource-ref>
                </application>
                """.formatted(CONSOLE_WAR, Deployments.CONNECTION_FACTORY);
        String binding = """
                <?xml version="1.0" encoding="UTF-8"?>
                <application-bnd xmlns="http://websphere.ibm.com/xml/ns/javaee" version="1.2">
                  <resource-ref name="%s" binding-name="switchboard/ConnectionFactory"/>
                  <security-role name="operator"><group name="operator"/></security-role>
                </application-bnd>
                """.formatted(Deployments.CONNECTION_FACTORY);
        return ShrinkWrap.create(EnterpriseArchive.class, "standalone-app.ear")
                .setApplicationXML(new StringAsset(applicationXml))
                .addAsManifestResource(new StringAsset(binding), "ibm-application-bnd.xml")
                .addAsModule(apps)
                .addAsModule(Testable.archiveToTest(Deployments.testWar(LibertyStandaloneAdapterIT.class, Calls.class)))
                .addAsModule(consoleWarAsBuilt()); // two wars: the test runs in test.war
    }

    /** The operator console's war, exactly as the built switchboard.ear holds it. */
    private static WebArchive consoleWarAsBuilt() {
        File built = new File(System.getProperty("switchboard.ear", "target/deps/switchboard-ear.ear"));
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built);
        return ear.getAsType(WebArchive.class, CONSOLE_WAR);
    }

    /** The resourceAdapter's properties of server.xml are the adapter's: its lines and its instanceName. */
    @Test
    @Order(1)
    void theAdapterRunsWithThePropertiesOfServerXml() {
        SwitchboardOperator operator = factory().getOperator();
        assertEquals(List.of("standalone1 (sim)", "standalone2 (sim)"), operator.lines());
        assertEquals("standalone", operator.instanceName());
        await().atMost(WAIT).until(() -> operator.statistics().applications() == 2); // both activation specs
    }

    /** An MDB activated through its server.xml activation spec is offered the calls of its media mode. */
    @Test
    @Order(2)
    void applicationActivatedByServerXmlIsOfferedTheCall() {
        SwitchboardConnectionFactory factory = factory();
        Results results = Calls.results(); // java:app names resolve on this thread, not on Awaitility's
        CallView call = Calls.place(factory, "standalone1", MediaMode.INTERACTIVEVOICE.bit());
        CallStateEvent offer = await().atMost(WAIT).until(() -> results.ownerOffer("standalone-voice", call.callId()),
                java.util.Optional::isPresent).get();
        assertEquals(Privilege.OWNER, offer.privilege());
        assertEquals(List.of("standalone-voice"), Calls.view(factory.getOperator(), call.callId()).owners());
        factory.getOperator().dropCall(call.callId());
    }

    /**
     * A connection of server.xml's factory, acting for the owner, hands the call to 'fax' (R9): fax is offered it
     * as OWNER (R11), and the caller stays an owner beside it (R12).
     */
    @Test
    @Order(3)
    void handoffThroughTheServerXmlConnectionFactoryReachesTheTarget_R9_R11_R12() {
        SwitchboardConnectionFactory factory = factory();
        Results results = Calls.results();
        CallView call = Calls.place(factory, "standalone1", MediaMode.INTERACTIVEVOICE.bit());
        CallStateEvent offer = await().atMost(WAIT).until(() -> results.ownerOffer("standalone-voice", call.callId()),
                java.util.Optional::isPresent).get();

        try (SwitchboardConnection voice = factory.getConnection("standalone-voice")) {
            assertEquals("standalone-voice", voice.application());
            assertEquals(HandoffResult.SUCCESS, voice.handoffToApplication(offer.handle(), "fax"));
        }

        CallStateEvent faxOffer = await().atMost(WAIT).until(() -> results.ownerOffer("fax", call.callId()),
                java.util.Optional::isPresent).get();
        assertEquals(Privilege.OWNER, faxOffer.privilege());
        assertEquals(List.of("standalone-voice", "fax"), Calls.view(factory.getOperator(), call.callId()).owners());
        factory.getOperator().dropCall(call.callId());
    }

    /**
     * FaxApp's activation spec in server.xml sets {@code lines="standalone1"} over the MDB's own "every line": on
     * standalone2 there is no fax to hand to, so the directed handoff finds no target (R9) and the call stays.
     */
    @Test
    @Order(4)
    void activationSpecPropertiesOfServerXmlOverrideTheMdbs_R9() {
        SwitchboardConnectionFactory factory = factory();
        Results results = Calls.results();
        CallView call = Calls.place(factory, "standalone2", MediaMode.INTERACTIVEVOICE.bit());
        CallStateEvent offer = await().atMost(WAIT).until(() -> results.ownerOffer("standalone-voice", call.callId()),
                java.util.Optional::isPresent).get();

        try (SwitchboardConnection voice = factory.getConnection("standalone-voice")) {
            assertEquals(HandoffResult.TARGETNOTFOUND, voice.handoffToApplication(offer.handle(), "fax"));
        }
        assertEquals(List.of("standalone-voice"), Calls.view(factory.getOperator(), call.callId()).owners());
        factory.getOperator().dropCall(call.callId());
    }

    /**
     * The Liberty counterpart of ConsoleSecurityIT's theSimulatorIsOffUnlessSwitchedOn, which switches the setting off
     * through WildFly's management API: on Liberty it is the JVM option -Dswitchboard.console.simulator=true, read
     * at start, and this server starts without it (arquillian.xml), so the console's simulator is off. The operator
     * is told so, with the option that switches it on.
     */
    @Test
    @Order(5)
    void theConsolesSimulatorIsOffOnAServerStartedWithoutTheOption() throws Exception {
        String operator = Base64.getEncoder().encodeToString("operator:Switchboard-1".getBytes(StandardCharsets.UTF_8));
        HttpRequest place = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:9281/switchboard/api/sim/calls?line=standalone1&media=TDD"))
                .header("Authorization", "Basic " + operator)
                .header("X-Switchboard-Operator", "1") // the console's cross-site guard, as curl users send it
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(WAIT).build();
        // HTTP/1.1 as browsers speak it without TLS (docs/portability.md: Liberty and the h2c upgrade)
        HttpResponse<String> off = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(place, HttpResponse.BodyHandlers.ofString());
        assertEquals(404, off.statusCode(), off.body());
        assertTrue(off.body().contains("SIMULATOROFF"), off.body());
        assertTrue(off.body().contains("-Dswitchboard.console.simulator=true"), off.body());
    }

    /** The suite's leak invariant (see {@link Leaks}): runs after the other tests. */
    @Test
    @Order(Integer.MAX_VALUE)
    void leavesNoCallHandleOrPortBehind() {
        Leaks.hangUpRemoveAndAssertNothingHeld(factory());
    }

    /** The factory by the application's own resource reference (ibm-application-bnd.xml → server.xml). */
    private static SwitchboardConnectionFactory factory() {
        return Calls.factory(Deployments.CONNECTION_FACTORY);
    }
}
