package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.DATAMODEM;
import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.api.MediaMode.TDD;
import static dev.switchboard.api.MediaMode.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** R8-R13: handoff. */
class HandoffRulesTest {
    private final Harness h = Harness.start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    static void assertError(ThrowingCallable call, TapiError error, String... mentions) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SwitchboardException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            for (String m : mentions) {
                assertThat(e.getMessage()).contains(m);
            }
        });
    }

    // ---- R8 ----

    @Test
    void anotherApplicationsHandleIsInvalCallHandle_R8() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle voiceHandle = voice.handle(call);
        CallHandle monHandle = mon.handle(call);
        assertThat(voiceHandle).isNotEqualTo(monHandle);

        assertError(() -> fax.session.control().handoffToApplication(voiceHandle, "fax"), TapiError.INVALCALLHANDLE,
                "'fax'", voiceHandle.toString());
        assertError(() -> fax.session.control().handoffToMediaMode(voiceHandle, G3FAX), TapiError.INVALCALLHANDLE, "'fax'");
        assertError(() -> mon.session.control().handoffToApplication(voiceHandle, "fax"), TapiError.INVALCALLHANDLE, "'mon'");
        assertError(() -> voice.session.control().handoffToApplication(monHandle, "fax"), TapiError.INVALCALLHANDLE, "'voice'");
        assertError(() -> fax.session.control().callInfo(voiceHandle), TapiError.INVALCALLHANDLE);
        assertThat(h.view(call).owners()).containsExactly("voice");
    }

    @Test
    void unknownNullOrDeallocatedHandleIsInvalCallHandle_R8() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        h.owner("fax", G3FAX);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle handle = voice.handle(call);

        assertError(() -> voice.session.control().handoffToApplication(CallHandle.of("forged-handle"), "fax"),
                TapiError.INVALCALLHANDLE, "forged-handle", "'voice'");
        assertError(() -> voice.session.control().handoffToMediaMode(null, G3FAX.bit()), TapiError.INVALCALLHANDLE);

        voice.session.control().deallocate(handle);
        assertError(() -> voice.session.control().handoffToApplication(handle, "fax"), TapiError.INVALCALLHANDLE);
        assertError(() -> voice.session.control().handoffToMediaMode(handle, G3FAX), TapiError.INVALCALLHANDLE);
    }

    @Test
    void monitorHandleIsNotOwnerAndChangesNothing_R8() {
        h.owner("voice", INTERACTIVEVOICE);
        h.owner("fax", G3FAX);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        CallView before = h.view(call);
        h.clearEvents();

        assertError(() -> mon.session.control().handoffToApplication(mon.handle(call), "fax"), TapiError.NOTOWNER,
                call.id(), "'mon'");
        assertError(() -> mon.session.control().handoffToMediaMode(mon.handle(call), G3FAX), TapiError.NOTOWNER,
                call.id(), "'mon'");
        assertError(() -> mon.session.control().handoffToApplication(mon.handle(call), "mon"), TapiError.NOTOWNER);

        assertThat(h.view(call)).isEqualTo(before);
        assertThat(h.sb.calls()).hasSize(1);
        for (Party p : List.of(mon)) {
            assertThat(p.sink.all()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CallState.class, names = {"OFFERING", "ACCEPTED", "CONNECTED", "ONHOLD"})
    void handoffWorksInEveryLiveCallState_R8(CallState state) {
        ScriptedProvider sp = new ScriptedProvider("script", List.of("S1"));
        try (Switchboard sb = Switchboard.builder().provider(sp).build().start()) {
            RecordingSink a = new RecordingSink("a");
            RecordingSink b = new RecordingSink("b");
            CallControl as = sb.open(ApplicationSpec.owner("a", Set.of("S1"), INTERACTIVEVOICE), a).control();
            CallControl bs = sb.open(ApplicationSpec.owner("b", Set.of("S1"), G3FAX), b).control();
            String[] call = sp.newCall("S1", INTERACTIVEVOICE.bit());
            if (state != CallState.OFFERING) {
                sp.state(call[0], state);
            }
            CallHandle ah = a.lastHandle(call[1]);
            assertThat(as.callInfo(ah).state()).isEqualTo(state);

            assertThat(as.handoffToApplication(ah, "b")).isEqualTo(HandoffResult.SUCCESS);

            assertThat(b.describe(call[1])).containsExactly("OFFERING/OWNER");
            CallHandle bh = b.lastHandle(call[1]);
            assertThat(bs.callInfo(bh).privilege()).isEqualTo(Privilege.OWNER);
            assertThat(bs.callInfo(bh).state()).isEqualTo(state);

            // and by media mode, back to a voice owner: a already holds a handle and keeps it
            assertThat(bs.handoffToMediaMode(bh, INTERACTIVEVOICE)).isEqualTo(HandoffResult.SUCCESS);
            assertThat(as.callInfo(ah).privilege()).isEqualTo(Privilege.OWNER);
        }
    }

    @Test
    void handoffAfterTheCallerHungUpStillGivesOwnershipAndTheTargetHearsHowTheCallEnded_R8() {
        ScriptedProvider sp = new ScriptedProvider("script", List.of("S1"));
        try (Switchboard sb = Switchboard.builder().provider(sp).build().start()) {
            RecordingSink a = new RecordingSink("a");
            RecordingSink b = new RecordingSink("b");
            RecordingSink c = new RecordingSink("c");
            CallControl as = sb.open(ApplicationSpec.owner("a", Set.of("S1"), INTERACTIVEVOICE), a).control();
            CallControl bs = sb.open(ApplicationSpec.owner("b", Set.of("S1"), G3FAX), b).control();
            CallControl cs = sb.open(ApplicationSpec.owner("c", Set.of("S1"), TDD), c).control();
            String[] call = sp.newCall("S1", INTERACTIVEVOICE.bit());
            CallHandle ah = a.lastHandle(call[1]);

            sp.state(call[0], CallState.DISCONNECTED);
            assertThat(as.handoffToApplication(ah, "b")).isEqualTo(HandoffResult.SUCCESS);
            CallHandle bh = b.lastHandle(call[1]);
            assertThat(bs.callInfo(bh).privilege()).isEqualTo(Privilege.OWNER);

            sp.state(call[0], CallState.IDLE);
            assertThat(as.handoffToApplication(ah, "c")).isEqualTo(HandoffResult.SUCCESS);
            CallHandle ch = c.lastHandle(call[1]);
            assertThat(ch).as("c must learn of the handle it was given").isNotNull();
            assertThat(cs.callInfo(ch).privilege()).isEqualTo(Privilege.OWNER);

            // R24: every holder, whenever it got its handle, hears exactly one DISCONNECTED and one IDLE
            assertThat(a.describe(call[1])).containsExactly("OFFERING/OWNER", "DISCONNECTED", "IDLE");
            assertThat(b.describe(call[1])).containsExactly("DISCONNECTED", "IDLE");
            assertThat(c.describe(call[1])).containsExactly("DISCONNECTED", "IDLE");

            as.deallocate(ah);
            bs.deallocate(bh);
            assertThat(sb.call(call[1])).isPresent();
            cs.deallocate(ch);
            assertThat(sb.call(call[1])).isEmpty();
        }
    }

    // ---- R9 ----

    @Test
    void directedHandoffToAnOwnerOfTheLineIgnoresItsMediaModes_R9() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party tdd = h.owner("tdd", TDD);
        TestCall call = h.place(INTERACTIVEVOICE);

        assertThat(voice.session.control().handoffToApplication(voice.handle(call), "tdd")).isEqualTo(HandoffResult.SUCCESS);

        assertThat(tdd.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(tdd.info(call).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "tdd");
        assertThat(h.view(call).mediaModes()).as("a handoff does not change the media mode")
                .isEqualTo(INTERACTIVEVOICE.bit());
    }

    @Test
    void directedHandoffToApplicationThatHasNotOpenedTheLineAsOwnerIsTargetNotFound_R9() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        Party l2 = h.open(new ApplicationSpec("l2", Set.of(Harness.L2), EnumSet.of(Privilege.OWNER),
                Map.of(INTERACTIVEVOICE, 1)));
        Party closed = h.owner("closed", INTERACTIVEVOICE);
        closed.session.close();
        TestCall call = h.place(INTERACTIVEVOICE);
        CallView before = h.view(call);
        h.clearEvents();

        for (String target : List.of("mon", "l2", "closed", "nobody")) {
            assertThat(voice.session.control().handoffToApplication(voice.handle(call), target)).as(target)
                    .isEqualTo(HandoffResult.TARGETNOTFOUND);
        }

        assertThat(h.view(call)).isEqualTo(before);
        assertThat(mon.sink.all()).isEmpty();
        assertThat(l2.sink.all()).isEmpty();
        assertThat(voice.sink.all()).isEmpty();
        assertThat(mon.info(call).privilege()).isEqualTo(Privilege.MONITOR);
    }

    @Test
    void directedHandoffToSelfIsSuccessAndChangesNothing_R9() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party other = h.owner("other", INTERACTIVEVOICE, 2);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        CallView before = h.view(call);
        CallInfo infoBefore = voice.info(call);
        h.clearEvents();

        assertThat(voice.session.control().handoffToApplication(voice.handle(call), "voice")).isEqualTo(HandoffResult.SUCCESS);

        assertThat(h.view(call)).isEqualTo(before);
        assertThat(voice.info(call)).isEqualTo(infoBefore);
        assertThat(voice.sink.all()).isEmpty();
        assertThat(mon.sink.all()).isEmpty();
        assertThat(other.sink.all()).isEmpty();
    }

    @Test
    void directedHandoffWithoutTargetNameIsInvalAppName_R9() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        TestCall call = h.place(INTERACTIVEVOICE);
        assertError(() -> voice.session.control().handoffToApplication(voice.handle(call), " "), TapiError.INVALAPPNAME,
                call.id(), "'voice'");
        assertError(() -> voice.session.control().handoffToApplication(voice.handle(call), null), TapiError.INVALAPPNAME);
    }

    // ---- R10 ----

    @Test
    void mediaModeHandoffToHighestPriorityOwner_R10() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party faxLow = h.owner("faxLow", G3FAX, 2);
        Party faxHigh = h.owner("faxHigh", G3FAX, 1);
        TestCall call = h.place(INTERACTIVEVOICE);

        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX.bit())).isEqualTo(HandoffResult.SUCCESS);

        assertThat(faxHigh.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(faxLow.sink.all()).isEmpty();
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "faxHigh");
    }

    @Test
    void mediaModeHandoffFollowsTheAdministratorsList_R10() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax1 = h.owner("fax1", G3FAX, 1);
        Party fax2 = h.owner("fax2", G3FAX, 2);
        h.sb.priorityLists().setList(G3FAX, List.of("fax2"));
        TestCall call = h.place(INTERACTIVEVOICE);

        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX)).isEqualTo(HandoffResult.SUCCESS);

        assertThat(fax2.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(fax1.sink.all()).isEmpty();
    }

    @Test
    void zeroSeveralOrUnknownBitsAreInvalMediaMode_R10() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        h.owner("fax", G3FAX);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallView before = h.view(call);

        for (int bad : new int[] {0, MediaMode.mask(G3FAX, DATAMODEM), MediaMode.mask(UNKNOWN, G3FAX), 0x1, 0x10000,
                -1}) {
            assertError(() -> voice.session.control().handoffToMediaMode(voice.handle(call), bad), TapiError.INVALMEDIAMODE,
                    call.id(), "'voice'");
        }
        assertThat(h.view(call)).isEqualTo(before);
    }

    @Test
    void mediaModeHandoffWithNoOwnerForTheModeIsTargetNotFound_R10() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        h.open(new ApplicationSpec("faxOnL2", Set.of(Harness.L2), EnumSet.of(Privilege.OWNER), Map.of(G3FAX, 1)));
        Party closed = h.owner("closedFax", G3FAX);
        closed.session.close();
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        CallView before = h.view(call);
        h.clearEvents();

        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX)).isEqualTo(HandoffResult.TARGETNOTFOUND);
        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), TDD)).isEqualTo(HandoffResult.TARGETNOTFOUND);

        assertThat(h.view(call)).isEqualTo(before);
        assertThat(mon.sink.all()).isEmpty();
    }

    @Test
    void mediaModeHandoffWhoseHighestPriorityTargetIsTheCallerIsTargetSelf_R10() {
        Party voice = h.owner("voice", INTERACTIVEVOICE, 1);
        Party voice2 = h.owner("voice2", INTERACTIVEVOICE, 2);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        CallView before = h.view(call);
        h.clearEvents();

        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), INTERACTIVEVOICE))
                .isEqualTo(HandoffResult.TARGETSELF);

        assertThat(h.view(call)).isEqualTo(before);
        assertThat(voice2.sink.all()).isEmpty();
        assertThat(mon.sink.all()).isEmpty();
        assertThat(voice.sink.all()).isEmpty();
    }

    @Test
    void callerThatIsNotTheHighestForTheModeHandsOffToTheHighest_R10() {
        Party voice1 = h.owner("voice1", INTERACTIVEVOICE, 1);
        Party voice2 = h.ownerAndMonitor("voice2", INTERACTIVEVOICE, G3FAX);
        h.sb.priorityLists().setList(G3FAX, List.of("voice2"));
        TestCall call = h.place(G3FAX);
        assertThat(voice2.events(call)).containsExactly("OFFERING/OWNER");

        assertThat(voice2.session.control().handoffToMediaMode(voice2.handle(call), INTERACTIVEVOICE))
                .isEqualTo(HandoffResult.SUCCESS);
        assertThat(voice1.events(call)).containsExactly("OFFERING/OWNER");
    }

    // ---- R11 ----

    @Test
    void existingMonitorHandleIsReusedAndRaisedToOwner_R11() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.ownerAndMonitor("fax", G3FAX);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle faxHandle = fax.handle(call);
        assertThat(fax.info(call).privilege()).isEqualTo(Privilege.MONITOR);

        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX)).isEqualTo(HandoffResult.SUCCESS);

        assertThat(fax.session.handles()).containsExactly(faxHandle);
        assertThat(fax.sink.states(call.id())).hasSize(2).allSatisfy(e -> assertThat(e.handle()).isEqualTo(faxHandle));
        assertThat(fax.events(call)).containsExactly("OFFERING/MONITOR", "OFFERING/OWNER");
        CallInfo info = fax.session.control().callInfo(faxHandle);
        assertThat(info.privilege()).isEqualTo(Privilege.OWNER);
        assertThat(info.numOwners()).isEqualTo(2);
        assertThat(info.numMonitors()).isZero();
    }

    @Test
    void existingMonitorHandleIsReusedByDirectedHandoff_R11() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.ownerAndMonitor("fax", G3FAX);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle faxHandle = fax.handle(call);

        assertThat(voice.session.control().handoffToApplication(voice.handle(call), "fax")).isEqualTo(HandoffResult.SUCCESS);

        assertThat(fax.session.handles()).containsExactly(faxHandle);
        assertThat(fax.session.control().callInfo(faxHandle).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(fax.sink.ownerOffers(call.id())).singleElement()
                .satisfies(e -> assertThat(e.handle()).isEqualTo(faxHandle));
    }

    @Test
    void targetWithoutHandleGetsANewHandleAndTheSameOfferingAsANewCall_R11() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        TestCall call = h.place(Harness.L1, MediaMode.mask(INTERACTIVEVOICE));
        TestCall direct = h.place(G3FAX);
        CallStateEvent newCallOffer = fax.sink.states(direct.id()).get(0);
        assertThat(fax.session.handles()).hasSize(1);

        voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX);

        assertThat(fax.session.handles()).hasSize(2).contains(fax.handle(call));
        CallStateEvent offer = fax.sink.states(call.id()).get(0);
        assertThat(offer.state()).isEqualTo(newCallOffer.state());
        assertThat(offer.privilege()).isEqualTo(newCallOffer.privilege());
        assertThat(offer.offersOwnership()).isTrue();
        assertThat(offer.line()).isEqualTo(Harness.L1);
        assertThat(offer.mediaModes()).isEqualTo(INTERACTIVEVOICE.bit());
        assertThat(fax.handle(call)).isNotEqualTo(voice.handle(call));
    }

    @Test
    void handoffToAnApplicationThatAlreadyOwnsKeepsItsHandleAndCounts_R11() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().handoffToApplication(voice.handle(call), "fax");
        CallHandle faxHandle = fax.handle(call);

        assertThat(voice.session.control().handoffToApplication(voice.handle(call), "fax")).isEqualTo(HandoffResult.SUCCESS);

        assertThat(fax.session.handles()).containsExactly(faxHandle);
        assertThat(fax.info(call).numOwners()).isEqualTo(2);
        assertThat(fax.info(call).privilege()).isEqualTo(Privilege.OWNER);
    }

    // ---- R12 ----

    @Test
    void callerStaysOwnerAfterHandoffUntilItLetsGo_R12() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        Party modem = h.owner("modem", DATAMODEM);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);

        assertThat(voice.session.control().handoffToApplication(vh, "fax")).isEqualTo(HandoffResult.SUCCESS);

        CallInfo info = voice.session.control().callInfo(vh);
        assertThat(info.privilege()).isEqualTo(Privilege.OWNER);
        assertThat(info.numOwners()).isEqualTo(2);
        // still an owner: may act as one
        assertThat(voice.session.control().handoffToMediaMode(vh, DATAMODEM)).isEqualTo(HandoffResult.SUCCESS);
        voice.session.control().setMediaMode(vh, INTERACTIVEVOICE.bit());
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "fax", "modem");

        voice.session.control().setPrivilege(vh, Privilege.MONITOR);
        assertThat(voice.session.control().callInfo(vh).privilege()).isEqualTo(Privilege.MONITOR);
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("fax", "modem");
        assertThat(modem.info(call).numOwners()).isEqualTo(2);
    }

    @Test
    void callerThatDeallocatesAfterHandoffLeavesTheTargetSoleOwner_R12() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX);

        voice.session.control().deallocate(voice.handle(call));

        assertThat(voice.session.handles()).isEmpty();
        assertThat(h.view(call).owners()).containsExactly("fax");
        assertThat(fax.info(call).numOwners()).isEqualTo(1);
        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,0)");
    }

    // ---- R13 ----

    @Test
    void providerWithoutHandoffFailsEveryHandoffWithOperationUnavail_R13() {
        SimulatedSwitch noHandoff = new SimulatedSwitch("nohandoff", List.of("L9"), false);
        try (Harness x = Harness.builder().provider(noHandoff).start()) {
            Party voice = x.open(ApplicationSpec.owner("voice", Set.of("L9", Harness.L1), INTERACTIVEVOICE));
            Party fax = x.open(ApplicationSpec.owner("fax", Set.of("L9", Harness.L1), G3FAX));
            Party mon = x.open(ApplicationSpec.monitor("mon", Set.of("L9")));
            TestCall call = TestCall.of(noHandoff.placeCall("L9", INTERACTIVEVOICE));
            CallHandle vh = voice.handle(call);
            CallView before = x.view(call);
            x.clearEvents();

            assertError(() -> voice.session.control().handoffToApplication(vh, "fax"), TapiError.OPERATIONUNAVAIL,
                    call.id(), "'voice'", "nohandoff");
            assertError(() -> voice.session.control().handoffToMediaMode(vh, G3FAX), TapiError.OPERATIONUNAVAIL, call.id());
            assertError(() -> voice.session.control().handoffToMediaMode(vh, INTERACTIVEVOICE), TapiError.OPERATIONUNAVAIL);
            assertError(() -> voice.session.control().handoffToMediaMode(vh, TDD), TapiError.OPERATIONUNAVAIL);
            assertError(() -> voice.session.control().handoffToApplication(vh, "voice"), TapiError.OPERATIONUNAVAIL);
            assertError(() -> voice.session.control().handoffToApplication(vh, "nobody"), TapiError.OPERATIONUNAVAIL);

            assertThat(x.view(call)).isEqualTo(before);
            assertThat(fax.sink.all()).isEmpty();
            assertThat(mon.sink.all()).isEmpty();

            // the same applications hand off fine on a line whose provider supports it
            TestCall onL1 = x.place(INTERACTIVEVOICE);
            assertThat(voice.session.control().handoffToApplication(voice.handle(onL1), "fax")).isEqualTo(HandoffResult.SUCCESS);
        }
    }

    @Test
    void providerCapabilitiesSayWhetherHandoffIsSupported_R13() {
        SimulatedSwitch noHandoff = new SimulatedSwitch("nohandoff", List.of("L9"), false);
        assertThat(noHandoff.capabilities().supportsHandoff()).isFalse();
        try (Harness x = Harness.builder().provider(noHandoff).start()) {
            assertThat(x.sb.lines()).anySatisfy(l -> {
                assertThat(l.line()).isEqualTo("L9");
                assertThat(l.provider()).isEqualTo("nohandoff");
                assertThat(l.capabilities().supportsHandoff()).isFalse();
            });
            assertThat(x.sb.lines()).filteredOn(l -> l.line().equals(Harness.L1)).singleElement()
                    .satisfies(l -> assertThat(l.capabilities().supportsHandoff()).isTrue());
        }
    }
}
