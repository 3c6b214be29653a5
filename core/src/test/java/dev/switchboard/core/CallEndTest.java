package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.core.HandoffRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R24: call end. */
class CallEndTest {
    private final Harness h = Harness.start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void remoteHangupGivesEveryHolderOneDisconnectedThenOneIdle_R24() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        Party m1 = h.monitor("m1");
        Party m2 = h.monitor("m2");
        Party bystander = h.owner("bystander", G3FAX, 2);
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().answer(voice.handle(call));
        voice.session.control().handoffToApplication(voice.handle(call), "fax");
        h.clearEvents();

        h.hangUp(call);
        h.hangUp(call); // the switch reports nothing twice, and nothing follows IDLE anyway

        for (Party p : List.of(voice, fax, m1, m2)) {
            assertThat(p.events(call)).as(p.name).containsExactly("DISCONNECTED", "IDLE");
            assertThat(p.sink.states(call.id())).allSatisfy(e -> assertThat(e.handle()).isEqualTo(p.handle(call)));
        }
        assertThat(bystander.sink.all()).isEmpty();
    }

    @Test
    void handlesStayValidAfterIdleUntilDeallocatedAndTheCallIsGoneAfterTheLast_R24() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party m1 = h.monitor("m1");
        Party m2 = h.monitor("m2");
        TestCall call = h.place(INTERACTIVEVOICE);
        h.hangUp(call);

        for (Party p : List.of(voice, m1, m2)) {
            CallInfo info = p.info(call);
            assertThat(info.state()).isEqualTo(CallState.IDLE);
            assertThat(info.callId()).isEqualTo(call.id());
        }
        assertThat(voice.info(call).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(h.view(call).state()).isEqualTo(CallState.IDLE);

        CallHandle vh = voice.handle(call);
        voice.session.control().deallocate(vh);
        assertError(() -> voice.session.control().callInfo(vh), TapiError.INVALCALLHANDLE);
        assertThat(h.sb.call(call.id())).isPresent();
        assertThat(m1.info(call).numOwners()).isZero();

        m1.session.control().deallocate(m1.handle(call));
        assertThat(h.sb.call(call.id())).isPresent();
        m2.session.control().deallocate(m2.handle(call));

        assertThat(h.sb.call(call.id())).isEmpty();
        assertThat(h.sb.calls()).isEmpty();
        assertThat(voice.session.handles()).isEmpty();
        assertThat(m2.session.handles()).isEmpty();
        for (Party p : List.of(voice, m1, m2)) {
            assertThat(p.events(call)).as(p.name).endsWith("DISCONNECTED", "IDLE");
            assertThat(p.sink.states(call.id()).stream().filter(e -> e.state() == CallState.IDLE)).hasSize(1);
        }
    }

    @Test
    void ownerDropGivesTheSameEndToEveryHolder_R24() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);

        voice.session.control().drop(voice.handle(call));

        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "DISCONNECTED", "IDLE");
        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "DISCONNECTED", "IDLE");
        assertError(() -> voice.session.control().drop(voice.handle(call)), TapiError.INVALCALLSTATE);
        assertError(() -> mon.session.control().drop(mon.handle(call)), TapiError.NOTOWNER);
    }

    @Test
    void hangupWhileAHandoffIsStagedStillEndsTheCallForEveryHolderOnce_R24() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        UnitOfWork uow = h.sb.beginUnitOfWork("in-flight");
        assertThat(voice.session.control(uow).handoffToApplication(voice.handle(call), "fax"))
                .isEqualTo(HandoffResult.SUCCESS);

        h.hangUp(call); // does not wait for the transaction

        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "DISCONNECTED", "IDLE");
        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "DISCONNECTED", "IDLE");
        assertThat(fax.sink.all()).isEmpty();

        uow.commit();

        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "DISCONNECTED", "IDLE");
        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "DISCONNECTED", "IDLE");
        assertThat(fax.events(call)).containsExactly("DISCONNECTED", "IDLE");
        for (Party p : List.of(voice, fax, mon)) {
            p.session.control().deallocate(p.handle(call));
        }
        assertThat(h.sb.call(call.id())).isEmpty();
    }

    @Test
    void providerReportingDisconnectedAndIdleSeparatelyStillGivesOneOfEach_R24() {
        ScriptedProvider sp = new ScriptedProvider("script", List.of("S1"));
        try (Switchboard sb = Switchboard.builder().provider(sp).build().start()) {
            RecordingSink a = new RecordingSink("a");
            RecordingSink m = new RecordingSink("m");
            sb.open(ApplicationSpec.owner("a", Set.of("S1"), INTERACTIVEVOICE), a);
            sb.open(ApplicationSpec.monitor("m", Set.of("S1")), m);
            String[] call = sp.newCall("S1", INTERACTIVEVOICE.bit());
            sp.state(call[0], CallState.CONNECTED);
            sp.state(call[0], CallState.DISCONNECTED);
            sp.state(call[0], CallState.DISCONNECTED);
            sp.hangUp(call[0]);
            sp.state(call[0], CallState.IDLE);
            sp.state(call[0], CallState.CONNECTED);
            sp.hangUp(call[0]);

            assertThat(a.describe(call[1])).containsExactly("OFFERING/OWNER", "CONNECTED", "DISCONNECTED", "IDLE");
            assertThat(m.describe(call[1])).containsExactly("OFFERING/MONITOR", "CONNECTED", "DISCONNECTED", "IDLE");
        }
    }

    @Test
    void closingAnApplicationGivesUpItsHandles_R24() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        h.hangUp(call);

        voice.session.close();
        assertThat(h.sb.call(call.id())).isPresent();
        mon.session.close();

        assertThat(h.sb.call(call.id())).isEmpty();
    }
}
