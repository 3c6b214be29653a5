package dev.switchboard.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.latency.LatencyRecorders;
import dev.switchboard.core.sim.SimulatedSwitch;
import dev.switchboard.rar.inbound.SwitchboardActivationSpec;
import dev.switchboard.rar.outbound.ApplicationRequestInfo;
import dev.switchboard.rar.outbound.SwitchboardManagedConnectionFactory;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection's call control through the adapter: media and calls made through a connection
 * enlisted in a transaction happen only after commit, never on rollback (R32), over the
 * simulated switch, with the container's timer.
 */
class TransactionalCallControlAdapterTest {
    @TempDir
    Path dir;

    private final List<Timer> timers = new CopyOnWriteArrayList<>();
    private final List<CallEvent> voiceEvents = new CopyOnWriteArrayList<>();
    private SwitchboardResourceAdapter ra;
    private ManagedConnection mc;
    private SwitchboardConnection connection;
    private CallHandle call;

    @BeforeEach
    void start() throws Exception {
        ra = new SwitchboardResourceAdapter();
        ra.setProvider("sim");
        ra.setPriorityFile(dir.resolve("priorities.properties").toString());
        ra.start(Fakes.bootstrap(new Fakes.ImmediateWorkManager(), timers));
        SwitchboardActivationSpec spec = new SwitchboardActivationSpec();
        spec.setApplicationName("voice");
        spec.setMediaModes("INTERACTIVEVOICE:1");
        ra.endpointActivation(new Fakes.EndpointFactory(false, voiceEvents::add), spec);
        SwitchboardManagedConnectionFactory mcf = new SwitchboardManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        mc = mcf.createManagedConnection(null, new ApplicationRequestInfo("voice"));
        connection = (SwitchboardConnection) mc.getConnection(null, new ApplicationRequestInfo("voice"));
        SimulatedSwitch sim = (SimulatedSwitch) ra.requireRuntime().switchboard().provider("sim").orElseThrow();
        sim.placeCall("line1", MediaMode.INTERACTIVEVOICE.bit(), "caller");
        call = voiceEvents.get(0).handle();
        connection.answer(call);
        voiceEvents.clear();
    }

    @AfterEach
    void stop() {
        ra.stop();
        timers.forEach(Timer::cancel);
    }

    private List<MediaCompletedEvent> completions() {
        return voiceEvents.stream().filter(MediaCompletedEvent.class::isInstance).map(MediaCompletedEvent.class::cast)
                .toList();
    }

    @Test
    void mediaAndCallsMadeInAnXaTransactionHappenAtCommit_R32() throws Exception {
        XAResource xa = mc.getXAResource();
        Xid xid = xid(1);
        xa.start(xid, XAResource.TMNOFLAGS);
        String tone = connection.generateTone(call, Tone.BEEP);
        CallHandle made = connection.makeCall("line2", "busy@example.com", MediaMode.INTERACTIVEVOICE);
        xa.end(xid, XAResource.TMSUCCESS);
        assertThat(xa.prepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(voiceEvents).isEmpty();
        assertThat(ra.requireRuntime().operator().calls()).hasSize(1);
        assertThatThrownBy(() -> connection.callInfo(made)).isInstanceOfSatisfying(SwitchboardException.class,
                e -> assertThat(e.error()).isEqualTo(TapiError.INVALCALLHANDLE));

        xa.commit(xid, false);

        assertThat(voiceEvents.stream().filter(e -> e.handle().equals(made)).map(e -> ((CallStateEvent) e).state()))
                .containsExactly(CallState.DIALING, CallState.PROCEEDING, CallState.DISCONNECTED, CallState.IDLE);
        await().atMost(Duration.ofSeconds(5)).until(() -> !completions().isEmpty());
        assertThat(completions()).singleElement().satisfies(c -> {
            assertThat(c.operationId()).isEqualTo(tone);
            assertThat(c.reason()).isEqualTo(MediaEndReason.DONE);
        });
    }

    @Test
    void handoffsThroughTheConnectionAreTimedApartInsideAndOutsideAnXaBranch() throws Exception {
        LatencyRecorders latencies = ra.requireRuntime().switchboard().latencies();
        latencies.reset();

        connection.handoffToMediaMode(call, MediaMode.G3FAX.bit()); // no fax application: nobody to take it
        XAResource xa = mc.getXAResource();
        Xid xid = xid(7);
        xa.start(xid, XAResource.TMNOFLAGS);
        connection.handoffToApplication(call, "fax");
        connection.handoffToApplication(call, "nobody");
        xa.end(xid, XAResource.TMSUCCESS);
        xa.rollback(xid);
        LocalTransaction local = mc.getLocalTransaction();
        local.begin();
        connection.handoffToApplication(call, "fax");
        local.rollback();

        assertThat(latencies.handoffNonXa().snapshot().count()).as("the live handoff and the local transaction's")
                .isEqualTo(2);
        assertThat(latencies.handoffXa().snapshot().count()).as("the two staged in the XA branch").isEqualTo(2);
        assertThat(latencies.handoffXa().snapshot().maxNanos()).isPositive();
    }

    @Test
    void aRolledBackTransactionSendsNothingToTheLine_R32() throws Exception {
        XAResource xa = mc.getXAResource();
        Xid xid = xid(2);
        xa.start(xid, XAResource.TMNOFLAGS);
        String rolledBack = connection.generateTone(call, Tone.BEEP);
        connection.makeCall("line2", "sip:agent@example.com", MediaMode.INTERACTIVEVOICE);
        xa.end(xid, XAResource.TMSUCCESS);
        xa.rollback(xid);

        // The same tone asked live now: had the rolled-back one reached the line, it would have ended first.
        String live = connection.generateTone(call, Tone.BEEP);
        await().atMost(Duration.ofSeconds(5)).until(() -> !completions().isEmpty());
        assertThat(completions()).extracting(MediaCompletedEvent::operationId).containsExactly(live)
                .doesNotContain(rolledBack);
        assertThat(voiceEvents.stream().filter(e -> e instanceof CallStateEvent)).isEmpty();
        assertThat(ra.requireRuntime().operator().calls()).hasSize(1);
    }

    @Test
    void aLocalTransactionStagesTheSameWay_R32() throws Exception {
        LocalTransaction tx = mc.getLocalTransaction();
        tx.begin();
        String gather = connection.gatherDigits(call, dev.switchboard.api.media.GatherRequest.digits(1));
        tx.rollback();
        tx.begin();
        String tone = connection.generateTone(call, Tone.BEEP);
        tx.commit();
        await().atMost(Duration.ofSeconds(5)).until(() -> !completions().isEmpty());
        assertThat(completions()).extracting(MediaCompletedEvent::operationId).containsExactly(tone)
                .doesNotContain(gather);
    }

    private static Xid xid(int n) {
        byte[] gtrid = ("call-control-" + n).getBytes(StandardCharsets.UTF_8);
        return new Xid() {
            @Override
            public int getFormatId() {
                return 4711;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return gtrid.clone();
            }

            @Override
            public byte[] getBranchQualifier() {
                return new byte[] {1};
            }
        };
    }
}
