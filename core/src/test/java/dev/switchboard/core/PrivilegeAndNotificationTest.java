package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.DATAMODEM;
import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.api.MediaMode.UNKNOWN;
import static dev.switchboard.core.HandoffRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfoReason;
import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallInfoEvent;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R14 (privileges), R15 (count notifications), R16 (setting the media mode). */
class PrivilegeAndNotificationTest {
    private final Harness h = Harness.start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    // ---- R14 ----

    @Test
    void monitorMayClaimOwnershipAndOwnerMayBecomeMonitorWhenNotSole_R14() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);

        mon.session.control().setPrivilege(mon.handle(call), Privilege.OWNER);
        assertThat(mon.info(call).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(mon.info(call).numOwners()).isEqualTo(2);
        assertThat(mon.info(call).numMonitors()).isZero();

        voice.session.control().setPrivilege(voice.handle(call), Privilege.MONITOR);
        assertThat(voice.info(call).privilege()).isEqualTo(Privilege.MONITOR);
        assertThat(h.view(call).owners()).containsExactly("mon");
        assertThat(h.view(call).monitors()).containsExactly("voice");

        // the new monitor can act as one and claim back
        voice.session.control().setPrivilege(voice.handle(call), Privilege.OWNER);
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "mon");
    }

    @Test
    void soleOwnerOfALiveCallCannotBecomeMonitor_R14() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        h.clearEvents();

        assertError(() -> voice.session.control().setPrivilege(voice.handle(call), Privilege.MONITOR), TapiError.INVALCALLSTATE,
                call.id(), "'voice'");
        voice.session.control().answer(voice.handle(call));
        assertError(() -> voice.session.control().setPrivilege(voice.handle(call), Privilege.MONITOR), TapiError.INVALCALLSTATE);

        assertThat(voice.info(call).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(mon.events(call)).containsExactly("CONNECTED");
    }

    @Test
    void soleOwnerOfADisconnectedCallCannotBecomeMonitorEither_R14() {
        ScriptedProvider sp = new ScriptedProvider("script", List.of("S1"));
        try (Switchboard sb = Switchboard.builder().provider(sp).build().start()) {
            RecordingSink a = new RecordingSink("a");
            CallControl as = sb.open(ApplicationSpec.owner("a", Set.of("S1"), INTERACTIVEVOICE), a).control();
            String[] call = sp.newCall("S1", INTERACTIVEVOICE.bit());
            sp.state(call[0], CallState.DISCONNECTED);
            assertError(() -> as.setPrivilege(a.lastHandle(call[1]), Privilege.MONITOR), TapiError.INVALCALLSTATE);
            sp.state(call[0], CallState.IDLE);
            as.setPrivilege(a.lastHandle(call[1]), Privilege.MONITOR);
            assertThat(as.callInfo(a.lastHandle(call[1])).privilege()).isEqualTo(Privilege.MONITOR);
        }
    }

    @Test
    void soleOwnerMayBecomeMonitorOnceTheCallIsIdle_R14() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        h.hangUp(call);
        h.clearEvents();

        voice.session.control().setPrivilege(voice.handle(call), Privilege.MONITOR);

        assertThat(voice.info(call).privilege()).isEqualTo(Privilege.MONITOR);
        assertThat(voice.info(call).numOwners()).isZero();
        assertThat(mon.sink.all()).as("nothing is sent after IDLE (R15)").isEmpty();
    }

    @Test
    void soleOwnerMayDeallocateItsHandle_R14() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);
        h.clearEvents();

        voice.session.control().deallocate(vh);

        assertThat(voice.session.handles()).isEmpty();
        assertError(() -> voice.session.control().callInfo(vh), TapiError.INVALCALLHANDLE);
        CallView view = h.view(call);
        assertThat(view.isUnowned()).isTrue();
        assertThat(view.state()).isEqualTo(CallState.OFFERING);
        assertThat(mon.events(call)).containsExactly("NUMOWNERDECR(0,1)");
    }

    @Test
    void settingTheSamePrivilegeChangesNothingAndSendsNothing_R14() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        h.clearEvents();

        voice.session.control().setPrivilege(voice.handle(call), Privilege.OWNER);
        mon.session.control().setPrivilege(mon.handle(call), Privilege.MONITOR);

        assertThat(voice.sink.all()).isEmpty();
        assertThat(mon.sink.all()).isEmpty();
        assertThat(h.view(call).owners()).containsExactly("voice");
    }

    @Test
    void privilegeChangeNeedsAValidHandleAndPrivilege_R14() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);

        assertError(() -> mon.session.control().setPrivilege(voice.handle(call), Privilege.OWNER), TapiError.INVALCALLHANDLE);
        assertError(() -> mon.session.control().setPrivilege(mon.handle(call), null), TapiError.INVALPRIVILEGE);
        assertError(() -> mon.session.control().deallocate(voice.handle(call)), TapiError.INVALCALLHANDLE);
        assertThat(h.view(call).owners()).containsExactly("voice");
        assertThat(h.view(call).monitors()).containsExactly("mon");
    }

    // ---- R15 ----

    @Test
    void countChangesGoToEveryOtherHolderButNeverTheActorAndNothingAfterIdle_R15() {
        Party a = h.owner("a", INTERACTIVEVOICE);
        Party b = h.owner("b", G3FAX);
        Party m1 = h.ownerAndMonitor("m1", DATAMODEM);
        Party m2 = h.monitor("m2");
        TestCall call = h.place(INTERACTIVEVOICE);
        // a: owner; m1, m2: monitors; b: no handle

        // m1 claims: 2 owners, 1 monitor
        m1.session.control().setPrivilege(m1.handle(call), Privilege.OWNER);
        // a becomes monitor: 1 owner, 2 monitors
        a.session.control().setPrivilege(a.handle(call), Privilege.MONITOR);
        // m1 hands off to b, which has no handle: 2 owners, 2 monitors
        assertThat(m1.session.control().handoffToApplication(m1.handle(call), "b")).isEqualTo(HandoffResult.SUCCESS);
        // b hands off to a, which holds a monitor handle: 3 owners, 1 monitor
        assertThat(b.session.control().handoffToMediaMode(b.handle(call), INTERACTIVEVOICE)).isEqualTo(HandoffResult.SUCCESS);
        // m2 deallocates: 3 owners, 0 monitors
        m2.session.control().deallocate(m2.handle(call));
        // a deallocates: 2 owners
        a.session.control().deallocate(a.handle(call));
        h.hangUp(call);
        // after IDLE: nothing more is sent
        m1.session.control().setPrivilege(m1.handle(call), Privilege.MONITOR);
        b.session.control().deallocate(b.handle(call));

        assertThat(a.events(call)).containsExactly(
                "OFFERING/OWNER",
                "NUMOWNERINCR(2,1)", "NUMMONITORS(2,1)",      // m1 claimed
                // a's own change: nothing
                "NUMOWNERINCR(2,2)",                          // b got the call
                "OFFERING/OWNER",                             // a is the target: OFFERING instead
                "NUMMONITORS(3,0)");                          // m2 left; then a deallocated itself
        assertThat(m1.events(call)).containsExactly(
                "OFFERING/MONITOR",
                "NUMOWNERDECR(1,2)", "NUMMONITORS(1,2)",      // a became monitor
                "NUMOWNERINCR(3,1)", "NUMMONITORS(3,1)",      // a got the call back
                "NUMMONITORS(3,0)",                           // m2 left
                "NUMOWNERDECR(2,0)",                          // a left
                "DISCONNECTED", "IDLE");
        assertThat(m2.events(call)).containsExactly(
                "OFFERING/MONITOR",
                "NUMOWNERINCR(2,1)", "NUMMONITORS(2,1)",
                "NUMOWNERDECR(1,2)", "NUMMONITORS(1,2)",
                "NUMOWNERINCR(2,2)",
                "NUMOWNERINCR(3,1)", "NUMMONITORS(3,1)");
        assertThat(b.events(call)).containsExactly(
                "OFFERING/OWNER",
                // b's own handoff: nothing
                "NUMMONITORS(3,0)",
                "NUMOWNERDECR(2,0)",
                "DISCONNECTED", "IDLE");
        assertThat(h.sb.call(call.id())).isPresent();
        m1.session.control().deallocate(m1.handle(call));
        assertThat(h.sb.call(call.id())).isEmpty();
    }

    @Test
    void countEventsCarryTheCountsAfterTheChange_R15() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        h.monitor("mon2");
        TestCall call = h.place(INTERACTIVEVOICE);
        h.clearEvents();

        mon.session.control().setPrivilege(mon.handle(call), Privilege.OWNER);

        List<CallInfoEvent> infos = voice.sink.infos(call.id());
        assertThat(infos).extracting(CallInfoEvent::reason)
                .containsExactly(CallInfoReason.NUMOWNERINCR, CallInfoReason.NUMMONITORS);
        assertThat(infos).allSatisfy(e -> {
            assertThat(e.numOwners()).isEqualTo(2);
            assertThat(e.numMonitors()).isEqualTo(1);
            assertThat(e.mediaModes()).isEqualTo(INTERACTIVEVOICE.bit());
            assertThat(e.handle()).isEqualTo(voice.handle(call));
            assertThat(e.callId()).isEqualTo(call.id());
        });
    }

    @Test
    void newHandleHolderGetsOfferingNotACountEvent_R15() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        h.clearEvents();

        voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX);

        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(mon.events(call)).containsExactly("NUMOWNERINCR(2,1)");
        assertThat(voice.events(call)).isEmpty();
    }

    @Test
    void nothingIsSentAfterIdle_R15() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.ownerAndMonitor("fax", G3FAX);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        h.hangUp(call);
        h.clearEvents();

        assertThat(voice.session.control().handoffToApplication(voice.handle(call), "fax")).isEqualTo(HandoffResult.SUCCESS);
        mon.session.control().setPrivilege(mon.handle(call), Privilege.OWNER);
        voice.session.control().setMediaMode(voice.handle(call), G3FAX.bit());
        voice.session.control().deallocate(voice.handle(call));
        h.sim.detect(call.simId(), G3FAX);
        h.sim.sendDigits(call.simId(), "1");

        assertThat(voice.sink.all()).isEmpty();
        assertThat(fax.sink.all()).isEmpty();
        assertThat(mon.sink.all()).isEmpty();
        assertThat(fax.info(call).privilege()).isEqualTo(Privilege.OWNER);
    }

    // ---- R16 ----

    @Test
    void ownerSetsMediaModeAndEveryOtherHolderIsTold_R16() {
        ScriptedProvider sp = new ScriptedProvider("script", List.of("S1"));
        try (Switchboard sb = Switchboard.builder().provider(sp).build().start()) {
            RecordingSink a = new RecordingSink("a");
            RecordingSink b = new RecordingSink("b");
            RecordingSink m = new RecordingSink("m");
            CallControl as = sb.open(ApplicationSpec.owner("a", Set.of("S1"), UNKNOWN), a).control();
            CallControl bs = sb.open(ApplicationSpec.owner("b", Set.of("S1"), G3FAX), b).control();
            sb.open(ApplicationSpec.monitor("m", Set.of("S1")), m);
            String[] call = sp.newCall("S1", MediaMode.mask(UNKNOWN, G3FAX, DATAMODEM));
            CallHandle ah = a.lastHandle(call[1]);
            as.handoffToApplication(ah, "b");
            a.clear();
            b.clear();
            m.clear();

            as.setMediaMode(ah, MediaMode.mask(UNKNOWN, G3FAX));
            bs.setMediaMode(b.lastHandle(call[1]), G3FAX.bit());

            assertThat(a.describe(call[1])).containsExactly("MEDIAMODE(2,1)");
            assertThat(b.describe(call[1])).containsExactly("MEDIAMODE(2,1)");
            assertThat(m.describe(call[1])).containsExactly("MEDIAMODE(2,1)", "MEDIAMODE(2,1)");
            assertThat(m.infos(call[1])).extracting(CallInfoEvent::mediaModes)
                    .containsExactly(MediaMode.mask(UNKNOWN, G3FAX), G3FAX.bit());
            assertThat(as.callInfo(ah).mediaModes()).isEqualTo(G3FAX.bit());
            assertThat(sb.call(call[1]).orElseThrow().mediaModes()).isEqualTo(G3FAX.bit());
            assertThat(sp.actions).containsExactly("media " + call[0] + " 0x22", "media " + call[0] + " 0x20");
        }
    }

    @Test
    void onlyAnOwnerMaySetTheMediaMode_R16() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        h.clearEvents();

        assertError(() -> mon.session.control().setMediaMode(mon.handle(call), G3FAX.bit()), TapiError.NOTOWNER, call.id(),
                "'mon'");
        assertError(() -> mon.session.control().setMediaMode(voice.handle(call), G3FAX.bit()), TapiError.INVALCALLHANDLE);

        assertThat(h.view(call).mediaModes()).isEqualTo(INTERACTIVEVOICE.bit());
        assertThat(voice.sink.all()).isEmpty();
    }

    @Test
    void severalBitsOnlyTogetherWithUnknown_R16() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);
        h.clearEvents();

        for (int bad : new int[] {MediaMode.mask(G3FAX, DATAMODEM), 0, 0x1, 0x10000 | G3FAX.bit()}) {
            assertError(() -> voice.session.control().setMediaMode(vh, bad), TapiError.INVALMEDIAMODE, call.id(), "'voice'");
        }
        assertThat(mon.sink.all()).isEmpty();
        assertThat(h.view(call).mediaModes()).isEqualTo(INTERACTIVEVOICE.bit());

        voice.session.control().setMediaMode(vh, MediaMode.mask(UNKNOWN, G3FAX, DATAMODEM));
        assertThat(h.view(call).mediaModes()).isEqualTo(MediaMode.mask(UNKNOWN, G3FAX, DATAMODEM));
        voice.session.control().setMediaMode(vh, UNKNOWN.bit());
        assertThat(h.view(call).mediaModes()).isEqualTo(UNKNOWN.bit());
        assertThat(mon.sink.infoReasons(call.id())).containsExactly(CallInfoReason.MEDIAMODE, CallInfoReason.MEDIAMODE);
        assertThat(voice.sink.all()).isEmpty();
    }
}
