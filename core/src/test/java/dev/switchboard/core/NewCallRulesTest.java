package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.ADSI;
import static dev.switchboard.api.MediaMode.AUTOMATEDVOICE;
import static dev.switchboard.api.MediaMode.DATAMODEM;
import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.api.MediaMode.TDD;
import static dev.switchboard.api.MediaMode.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R4-R7: who gets a new call. */
class NewCallRulesTest {
    private final Harness h = Harness.start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    // ---- R4 ----

    @Test
    void singleModeCallGoesToHighestPriorityOwnerWithOwnerOffering_R4() {
        Party second = h.owner("second", G3FAX, 2);
        Party first = h.owner("first", G3FAX, 1);
        Party voice = h.owner("voice", INTERACTIVEVOICE);

        TestCall call = h.place(G3FAX);

        assertThat(first.sink.states(call.id())).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(CallState.OFFERING);
            assertThat(e.privilege()).isEqualTo(Privilege.OWNER);
            assertThat(e.offersOwnership()).isTrue();
            assertThat(e.mediaModes()).isEqualTo(G3FAX.bit());
            assertThat(e.line()).isEqualTo(Harness.L1);
        });
        assertThat(first.session.handles()).containsExactly(first.handle(call));
        CallInfo info = first.info(call);
        assertThat(info.privilege()).isEqualTo(Privilege.OWNER);
        assertThat(info.state()).isEqualTo(CallState.OFFERING);
        assertThat(info.numOwners()).isEqualTo(1);
        assertThat(info.numMonitors()).isZero();
        assertThat(info.callId()).isEqualTo(call.id());
        assertThat(info.callerId()).isEqualTo("+15550100");
        assertThat(second.sink.all()).isEmpty();
        assertThat(second.session.handles()).isEmpty();
        assertThat(voice.sink.all()).isEmpty();
        assertThat(h.view(call).owners()).containsExactly("first");
    }

    @Test
    void ownersOfOtherLinesDoNotGetTheCall_R4() {
        Party l2 = h.open(new ApplicationSpec("l2fax", Set.of(Harness.L2), EnumSet.of(Privilege.OWNER),
                Map.of(G3FAX, 1)));
        Party l1 = h.owner("l1fax", G3FAX, 9);

        TestCall call = h.place(G3FAX);

        assertThat(l1.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(l2.sink.all()).isEmpty();
    }

    @Test
    void eachCallGetsItsOwnFreshHandles_R4() {
        Party fax = h.owner("fax", G3FAX);
        Party other = h.owner("other", G3FAX, 2);
        TestCall c1 = h.place(G3FAX);
        TestCall c2 = h.place(G3FAX);

        assertThat(fax.handle(c1)).isNotEqualTo(fax.handle(c2));
        assertThat(fax.session.handles()).containsExactlyInAnyOrder(fax.handle(c1), fax.handle(c2));
        assertThat(c1.id()).isNotEqualTo(c2.id());
        assertThat(other.session.handles()).isEmpty();
    }

    // ---- R5 ----

    @Test
    void everyMonitorGetsAMonitorHandleForEveryCallWhateverTheMode_R5() {
        Party fax = h.owner("fax", G3FAX);
        Party m1 = h.monitor("m1");
        Party m2 = h.monitor("m2");
        Party otherLine = h.open(ApplicationSpec.monitor("m-l2", Set.of(Harness.L2)));

        TestCall faxCall = h.place(G3FAX);
        TestCall unowned = h.place(TDD);
        TestCall unknown = h.place(Harness.L1, MediaMode.mask(UNKNOWN, DATAMODEM));

        for (Party m : new Party[] {m1, m2}) {
            for (TestCall c : new TestCall[] {faxCall, unowned, unknown}) {
                assertThat(m.events(c)).as("%s on %s", m, c).containsExactly("OFFERING/MONITOR");
                assertThat(m.info(c).privilege()).isEqualTo(Privilege.MONITOR);
            }
            assertThat(m.session.handles()).hasSize(3);
        }
        assertThat(otherLine.sink.all()).isEmpty();
        assertThat(fax.events(faxCall)).containsExactly("OFFERING/OWNER");
        assertThat(fax.info(faxCall).numMonitors()).isEqualTo(2);
        assertThat(h.view(faxCall).monitors()).containsExactly("m1", "m2");
    }

    @Test
    void monitorsGetTheCallStateEventsFromThenOn_R5() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);

        voice.session.control().answer(voice.handle(call));
        h.hangUp(call);

        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "CONNECTED", "DISCONNECTED", "IDLE");
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "CONNECTED", "DISCONNECTED", "IDLE");
    }

    @Test
    void anApplicationThatOwnsTheCallGetsOnlyItsOwnerHandleEvenIfAlsoMonitor_R5() {
        Party both = h.ownerAndMonitor("both", G3FAX);
        Party other = h.ownerAndMonitor("other", INTERACTIVEVOICE);

        TestCall call = h.place(G3FAX);

        assertThat(both.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(other.events(call)).containsExactly("OFFERING/MONITOR");
        assertThat(both.session.handles()).hasSize(1);
        assertThat(both.info(call).numOwners()).isEqualTo(1);
        assertThat(both.info(call).numMonitors()).isEqualTo(1);
    }

    @Test
    void applicationsOpenedAfterTheCallArrivedAreNotOfferedIt_R5() {
        TestCall call = h.place(G3FAX);
        Party late = h.monitor("late");
        Party lateFax = h.owner("lateFax", G3FAX);

        assertThat(late.sink.all()).isEmpty();
        assertThat(lateFax.sink.all()).isEmpty();
        assertThat(h.view(call).isUnowned()).isTrue();
    }

    // ---- R6 ----

    @Test
    void unknownCallGoesToHighestPriorityUnknownOwner_R6() {
        Party fax = h.owner("fax", G3FAX);
        Party probe2 = h.owner("probe2", UNKNOWN, 2);
        Party probe1 = h.owner("probe1", UNKNOWN, 1);

        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, G3FAX, DATAMODEM));

        assertThat(probe1.sink.states(call.id())).singleElement().satisfies(e -> {
            assertThat(e.offersOwnership()).isTrue();
            assertThat(e.mediaModes()).isEqualTo(MediaMode.mask(UNKNOWN, G3FAX, DATAMODEM));
        });
        assertThat(probe2.sink.all()).isEmpty();
        assertThat(fax.sink.all()).isEmpty();
    }

    @Test
    void withoutUnknownOwnerTheAdapterProbesCandidatesInTapiDefaultOrder_R6() {
        Party fax = h.owner("fax", G3FAX);
        Party modem = h.owner("modem", DATAMODEM);
        Party tdd = h.owner("tdd", TDD);

        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, G3FAX, DATAMODEM, TDD));

        assertThat(modem.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(modem.sink.states(call.id()).get(0).mediaModes())
                .as("the call's media modes are not changed by the adapter's probing")
                .isEqualTo(MediaMode.mask(UNKNOWN, G3FAX, DATAMODEM, TDD));
        assertThat(fax.sink.all()).isEmpty();
        assertThat(tdd.sink.all()).isEmpty();
    }

    @Test
    void probingFollowsTheDefaultOrderNotTheBitOrder_R6() {
        // AUTOMATEDVOICE (0x8) has a lower bit than ADSI (0x2000) but is not in TAPI's default
        // order, so it comes after ADSI ("then any others").
        Party automated = h.owner("automated", AUTOMATEDVOICE);
        Party adsi = h.owner("adsi", ADSI);

        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, AUTOMATEDVOICE, ADSI));

        assertThat(adsi.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(automated.sink.all()).isEmpty();
    }

    @Test
    void probingSkipsCandidatesThatHaveNoOwner_R6() {
        Party fax = h.owner("fax", G3FAX);
        h.owner("voice-not-a-candidate", INTERACTIVEVOICE);

        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, DATAMODEM, G3FAX));

        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER");
    }

    @Test
    void unknownAloneMakesEveryModeACandidate_R6() {
        Party fax = h.owner("fax", G3FAX);
        Party voice = h.owner("voice", INTERACTIVEVOICE);

        TestCall call = h.place(UNKNOWN);

        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(fax.sink.all()).isEmpty();
    }

    @Test
    void probeUsesEachModesOwnPriorityOrder_R6() {
        h.owner("modemLow", DATAMODEM, 5);
        Party modemHigh = h.owner("modemHigh", DATAMODEM, 1);

        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, DATAMODEM));

        assertThat(modemHigh.events(call)).containsExactly("OFFERING/OWNER");
    }

    // ---- R7 ----

    @Test
    void callWithoutOwnerStaysOfferingVisibleToMonitorsAndAdministrator_R7() {
        h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");

        TestCall call = h.place(G3FAX);

        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR");
        CallInfo info = mon.info(call);
        assertThat(info.state()).isEqualTo(CallState.OFFERING);
        assertThat(info.numOwners()).isZero();
        assertThat(info.numMonitors()).isEqualTo(1);
        CallView view = h.view(call);
        assertThat(view.isUnowned()).isTrue();
        assertThat(view.state()).isEqualTo(CallState.OFFERING);
        assertThat(view.monitors()).containsExactly("mon");
        assertThat(view.mediaModes()).isEqualTo(G3FAX.bit());
        assertThat(h.sb.calls()).extracting(CallView::callId).contains(call.id());
    }

    @Test
    void unownedCallIsVisibleToAdministratorEvenWithNoApplicationAtAll_R7() {
        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, G3FAX));

        CallView view = h.view(call);
        assertThat(view.isUnowned()).isTrue();
        assertThat(view.monitors()).isEmpty();
        assertThat(view.state()).isEqualTo(CallState.OFFERING);
        assertThat(view.provider()).isEqualTo("sim");
        assertThat(view.providerCallId()).isEqualTo(call.simId());
    }

    @Test
    void unownedCallStaysUntilAMonitorClaimsIt_R7() {
        Party mon = h.monitor("mon");
        Party mon2 = h.monitor("mon2");
        TestCall call = h.place(G3FAX);
        h.clearEvents();

        mon.session.control().setPrivilege(mon.handle(call), Privilege.OWNER);

        assertThat(h.view(call).owners()).containsExactly("mon");
        assertThat(h.view(call).isUnowned()).isFalse();
        assertThat(mon.info(call).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(mon.sink.all()).isEmpty();
        assertThat(mon2.events(call)).containsExactly("NUMOWNERINCR(1,1)", "NUMMONITORS(1,1)");
    }

    @Test
    void unownedCallEndsWhenTheCallerHangsUp_R7() {
        Party mon = h.monitor("mon");
        TestCall call = h.place(G3FAX);

        h.hangUp(call);

        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "DISCONNECTED", "IDLE");
        assertThat(h.view(call).state()).isEqualTo(CallState.IDLE);
        CallHandle handle = mon.handle(call);
        mon.session.control().deallocate(handle);
        assertThat(h.sb.call(call.id())).isEmpty();
    }

    @Test
    void unownedCallWithNoHolderIsGoneAtHangUp_R7() {
        TestCall call = h.place(G3FAX);
        h.hangUp(call);
        assertThat(h.sb.call(call.id())).isEmpty();
        assertThat(h.sb.calls()).isEmpty();
    }

    @Test
    void operatorCanAssignAnUnownedCallToAnOwnerApplication_R7() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(G3FAX);
        h.clearEvents();

        h.sb.assignOwner(call.id(), "voice");

        assertThat(voice.sink.states(call.id())).extracting(CallStateEvent::offersOwnership).containsExactly(true);
        assertThat(mon.events(call)).containsExactly("NUMOWNERINCR(1,1)");
        assertThat(h.view(call).owners()).containsExactly("voice");
    }
}
