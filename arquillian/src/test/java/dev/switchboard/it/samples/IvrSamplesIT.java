package dev.switchboard.it.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.Simulator;
import dev.switchboard.core.sim.Simulators;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The voice application's menu and the agent application, end to end on the simulated switch of the
 * real {@code switchboard.ear}, as a caller meets them: what the caller heard is what the simulated
 * switch played to it ({@link Simulator#played}); a digit is pressed only once the menu plays, since
 * a gather takes only digits pressed while it runs.
 */
@ExtendWith(ArquillianExtension.class)
class IvrSamplesIT {
    /** Two menus with their 5 s to choose, and then some: the prompts really take their length. */
    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static final String MENU = "menu.wav";

    @Deployment
    static EnterpriseArchive samplesEar() throws Exception {
        return SampleApplicationsIT.samplesEar(IvrSamplesIT.class, AuditMessages.class);
    }

    @Test
    void zeroTransfersTheCallerToTheOperatorAndTheCallEnds_R29() throws Exception {
        try (AuditMessages audit = new AuditMessages()) {
            SimulatedCall call = placeAndAwaitMenu("it-ivr-0");

            simulator().sendDigits(call.simulatedCallId(), "0");

            JsonObject outcome = audit.await(call.callId(), AuditMessages.typed("TransferOutcome", "application",
                    "voice"), TIMEOUT).orElseThrow(() -> new AssertionError("no transfer outcome for " + call));
            assertEquals("SUCCESS", outcome.getString("result"), outcome.toString());
            assertEquals("BLIND_TRANSFER", outcome.getString("kind"));
            assertEquals("sip:operator@127.0.0.1:5070", outcome.getString("destination"));
            assertTrue(audit.await(call.callId(), AuditMessages.typed("CallStateEvent", "disconnectReason",
                    "TRANSFERRED"), TIMEOUT).isPresent(), "every holder sees the call leave by transfer");
            awaitGone(call);
        }
    }

    @Test
    void aCallerWhoPressesNothingHearsTheMenuTwiceAndIsTransferred_R28_R29() throws Exception {
        try (AuditMessages audit = new AuditMessages()) {
            SimulatedCall call = placeAndAwaitMenu("it-ivr-silent");

            // what the caller heard, looked at until the call is gone: the menu twice, nothing more
            AtomicReference<List<String>> heard = new AtomicReference<>(List.of());
            await(() -> {
                List<String> now = simulator().played(call.simulatedCallId());
                if (!now.isEmpty()) {
                    heard.set(now);
                }
                return find(call).isEmpty();
            }, Boolean::booleanValue);

            assertEquals(List.of(MENU, MENU), heard.get(), "the menu repeats once, then the caller is transferred");
            JsonObject outcome = audit.await(call.callId(), AuditMessages.typed("TransferOutcome", "result", "SUCCESS"),
                    Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("no transfer for " + call));
            assertEquals("sip:operator@127.0.0.1:5070", outcome.getString("destination"));
        }
    }

    @Test
    void oneRecordsAVoicemailIntoTheVoicemailDirectory_R28() throws Exception {
        SimulatedCall call = placeAndAwaitMenu("it-ivr-voicemail");

        simulator().sendDigits(call.simulatedCallId(), "1");
        awaitPlayed(call, List.of(MENU, "voicemail.wav", "tone:BEEP")); // recording from the beep's end
        simulator().speak(call.simulatedCallId(), Duration.ofSeconds(1)); // then 5 s of silence end it

        Path message = await(() -> voicemailOf(call.callId()), Optional::isPresent)
                .orElseThrow(() -> new AssertionError("no voicemail of " + call + " in " + voicemailDir()));
        AudioFileFormat wav = AudioSystem.getAudioFileFormat(message.toFile());
        assertEquals(8000f, wav.getFormat().getSampleRate());
        double seconds = wav.getFrameLength() / wav.getFormat().getFrameRate();
        assertTrue(seconds >= 5.9 && seconds < 8, "1 s of voice and 5 s of silence, not " + seconds + " s");
        awaitPlayed(call, List.of(MENU, "voicemail.wav", "tone:BEEP", "goodbye.wav"));
        awaitGone(call); // the voice application hangs up after its goodbye
    }

    @Test
    void twoCallsAnAgentAndBridgesTheCallerToIt_R30_R31() throws Exception {
        SimulatedCall call = placeAndAwaitMenu("it-ivr-agent");

        simulator().sendDigits(call.simulatedCallId(), "2");

        CallView agentCall = await(() -> operator().calls().stream()
                        .filter(c -> "sip:agent@127.0.0.1:5070".equals(c.calledId()) && c.state() == CallState.CONNECTED
                                && c.owners().equals(List.of("agent")) && !c.callId().equals(call.callId()))
                        .filter(c -> simulator().bridgedTo(c.providerCallId()).isPresent()).findFirst(),
                Optional::isPresent).orElseThrow(() -> new AssertionError("no answered, bridged agent call for " + call));
        assertEquals(Optional.of(agentCall.providerCallId()), simulator().bridgedTo(call.simulatedCallId()));
        CallView caller = find(call).orElseThrow();
        assertEquals(List.of("agent"), caller.owners(), "the voice application let go of the caller");
        assertEquals(caller.line(), agentCall.line(), "the agent is called on the caller's line");
        assertTrue(simulator().played(call.simulatedCallId()).contains("connecting.wav"), "the caller was told to hold");

        simulator().hangUp(call.simulatedCallId());
        awaitGone(call);
        await(() -> operator().call(agentCall.callId()), Optional::isEmpty); // the agent application hangs up the agent
        assertTrue(operator().call(agentCall.callId()).isEmpty(), "the agent's call ended with the caller's");
    }

    @Test
    void aBusyAgentGetsTheCallerAnApologyAndTheMenuAgain_R30() throws Exception {
        System.setProperty("switchboard.samples.agent", "sip:busy@127.0.0.1:5070");
        try {
            SimulatedCall call = placeAndAwaitMenu("it-ivr-agent-busy");

            simulator().sendDigits(call.simulatedCallId(), "2");

            awaitPlayed(call, List.of(MENU, "connecting.wav", "tone:RINGBACK", "agent-busy.wav", MENU));
            assertEquals(List.of("voice"), find(call).orElseThrow().owners(), "back with the voice application");
            hangUp(call);
        } finally {
            System.clearProperty("switchboard.samples.agent");
        }
    }

    // ---- helpers

    /** A voice call on line1, once the caller hears the menu (so the gather runs). */
    private static SimulatedCall placeAndAwaitMenu(String caller) {
        SimulatedCall call = simulator().placeCall("line1", MediaMode.INTERACTIVEVOICE.bit(), caller);
        awaitPlayed(call, List.of(MENU));
        CallView view = find(call).orElseThrow();
        assertEquals(List.of("voice"), view.owners(), view.toString());
        return call;
    }

    private static void awaitPlayed(SimulatedCall call, List<String> prompts) {
        List<String> heard = await(() -> simulator().played(call.simulatedCallId()), prompts::equals);
        assertEquals(prompts, heard, "what " + call + " heard");
    }

    private static void hangUp(SimulatedCall call) {
        simulator().hangUp(call.simulatedCallId());
        awaitGone(call);
    }

    private static void awaitGone(SimulatedCall call) {
        Optional<CallView> last = await(() -> find(call), Optional::isEmpty);
        assertTrue(last.isEmpty(), "call " + call + " is not gone: " + last);
    }

    private static Optional<CallView> find(SimulatedCall call) {
        return operator().call(call.callId());
    }

    /** The voicemail directory as the samples and the console read it: the same property and default. */
    private static Path voicemailDir() {
        String configured = System.getProperty("switchboard.voicemail.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String data = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        return Path.of(data, "switchboard-voicemail");
    }

    private static Optional<Path> voicemailOf(String callId) {
        if (!Files.isDirectory(voicemailDir())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(voicemailDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + callId + ".wav")).findFirst();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SwitchboardOperator operator() {
        return factory().getOperator();
    }

    private static Simulator simulator() {
        return ((Simulators) factory()).simulator().orElseThrow();
    }

    private static SwitchboardConnectionFactory factory() {
        try {
            InitialContext ctx = new InitialContext();
            try {
                return (SwitchboardConnectionFactory) ctx.lookup("java:app/switchboard/ConnectionFactory");
            } finally {
                ctx.close();
            }
        } catch (NamingException e) {
            throw new IllegalStateException("no connection factory", e);
        }
    }

    /** Polls {@code probe} until {@code done} or {@link #TIMEOUT}, and returns what it saw last, for the caller's assertion. */
    private static <T> T await(Supplier<T> probe, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Awaitility.await().pollInSameThread().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
                T value = probe.get();
                last.set(value);
                return done.test(value);
            });
        } catch (ConditionTimeoutException e) {
            // the caller asserts on the last value seen, which says what was wrong
        }
        return last.get();
    }
}
