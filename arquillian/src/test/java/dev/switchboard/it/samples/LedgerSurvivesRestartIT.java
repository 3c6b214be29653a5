package dev.switchboard.it.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardOperator;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nothing lost: a handoff's ledger row is still there after the server process has stopped and
 * a new one has started (the ledger is a database, not the server's memory). The sample EAR is
 * deployed on a WildFly that this test starts, stops and starts again itself (the manual container
 * {@value #CONTAINER} of arquillian.xml); it runs in a failsafe execution of its own after the
 * suite, whose server is down by then (arquillian/pom.xml), and not on Open Liberty.
 *
 * <p>The in-container halves cannot hand the client anything, and the server's memory is what the
 * restart wipes, so the first half leaves the call id and the ledger's mark in a file under the
 * server's data directory for the second.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("ledger-restart")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(value = "onItsOwnServer",
        disabledReason = "runs in the ledger-restart execution, on a server of its own that it restarts")
class LedgerSurvivesRestartIT {

    static final String CONTAINER = "wildfly-restart";
    private static final String SAMPLES = "samples";
    private static final String CONSOLE_WAR = "switchboard-console.war";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = SAMPLES, managed = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive samplesEar() throws Exception {
        EnterpriseArchive ear = SampleApplicationsIT.samplesEar();
        ear.getAsType(WebArchive.class, CONSOLE_WAR).addClass(LedgerSurvivesRestartIT.class);
        return ear;
    }

    @Test
    @Order(1)
    @RunAsClient
    void startServerAndDeploySamples() {
        controller.start(CONTAINER);
        deployer.deploy(SAMPLES);
    }

    @Test
    @Order(2)
    @OperateOnDeployment(SAMPLES)
    void handoffIsRecordedBeforeTheRestart() throws Exception {
        SwitchboardOperator operator = SampleApplicationsIT.operator();
        long mark = LedgerTable.mark();
        String sim = SampleApplicationsIT.simulator()
                .placeCall("line1", MediaMode.INTERACTIVEVOICE.bit(), "it-restart").simulatedCallId();
        CallView call = SampleApplicationsIT.awaitCall(operator, sim, "answered by voice",
                SampleApplicationsIT::answeredByVoice);
        SampleApplicationsIT.simulator().sendDigits(sim, "9");
        SampleApplicationsIT.awaitCall(operator, sim, "taken by fax alone", SampleApplicationsIT::takenByFax);
        SampleApplicationsIT.hangUp(operator, sim);
        assertEquals(List.of("voice G3FAX SUCCESS"), LedgerTable.rowsAfter(mark, call.callId()),
                "one ledger row for the handoff, before the restart");

        Properties handedOver = new Properties();
        handedOver.setProperty("mark", Long.toString(mark));
        handedOver.setProperty("callId", call.callId());
        Files.createDirectories(handoverFile().getParent());
        try (Writer out = Files.newBufferedWriter(handoverFile())) {
            handedOver.store(out, "written by LedgerSurvivesRestartIT before it restarts the server");
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void restartTheServer() {
        // a new JVM: nothing kept in memory (an in-memory database, the switchboard's calls) survives it
        controller.stop(CONTAINER);
        controller.start(CONTAINER);
    }

    @Test
    @Order(4)
    @OperateOnDeployment(SAMPLES)
    void handoffIsStillInTheLedgerAfterTheRestart() throws Exception {
        Properties handedOver = new Properties();
        try (Reader in = Files.newBufferedReader(handoverFile())) {
            handedOver.load(in);
        }
        long mark = Long.parseLong(handedOver.getProperty("mark"));
        String callId = handedOver.getProperty("callId");
        assertEquals(List.of("voice G3FAX SUCCESS"), LedgerTable.rowsAfter(mark, callId),
                "the row written before the restart for " + callId + " (above row " + mark + ")");
        Files.delete(handoverFile());
    }

    @Test
    @Order(5)
    @RunAsClient
    void undeployAndStop() {
        // runs even when a step before failed, so the server's configuration keeps no deployment of ours
        try {
            deployer.undeploy(SAMPLES);
        } finally {
            controller.stop(CONTAINER);
        }
    }

    /**
     * In the ledger-restart execution (arquillian.launch), or inside that execution's WildFly, where
     * JUnit evaluates this again for the in-container halves and arquillian.launch is not set.
     */
    static boolean onItsOwnServer() {
        return CONTAINER.equals(System.getProperty("arquillian.launch")) || System.getProperty("jboss.home.dir") != null;
    }

    private static Path handoverFile() throws IOException {
        String data = System.getProperty("jboss.server.data.dir");
        if (data == null) {
            throw new IOException("jboss.server.data.dir is not set: this half runs inside WildFly");
        }
        return Path.of(data, "switchboard", "ledger-restart-it.properties");
    }
}
