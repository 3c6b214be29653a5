package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.core.HandoffRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.BridgeEndedEvent;
import dev.switchboard.api.event.TransferResultEvent;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import dev.switchboard.core.spi.ProviderCapabilities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R29 (redirect, blind transfer), R30 (making calls) and R31 (bridges), with R33 for each. */
class CallControlRulesTest {
    @TempDir
    Path dir;

    private final ScriptedLine s = new ScriptedLine();
    private final Party voice = s.owner("voice", INTERACTIVEVOICE);
    private final Party mon = s.monitor("mon");

    @AfterEach
    void close() {
        s.close();
    }

    private CallControl v() {
        return voice.session.control();
    }

    // ---- R29 ----

    @Test
    void aRedirectThatSucceedsEndsTheCallForEveryHandleAndOnlyTheAskerHearsTheResult_R29() {
        Party other = s.owner("other", MediaMode.G3FAX);
        TestCall call = s.offer(INTERACTIVEVOICE);
        v().handoffToApplication(voice.handle(call), "other"); // two owners now
        s.line.state(call.simId(), CallState.ACCEPTED);

        String op = v().redirect(voice.handle(call), "sip:operator@example.com");
        assertThat(s.line.actions).containsExactly("redirect " + call.simId() + " " + op + " sip:operator@example.com");
        assertThat(voice.sink.transferResults(call.id())).isEmpty();
        s.line.transferred(call.simId(), op, true, "");

        assertThat(voice.sink.transferResults(call.id())).singleElement().satisfies(r -> {
            assertThat(r.operationId()).isEqualTo(op);
            assertThat(r.kind()).isEqualTo(TransferResultEvent.Kind.REDIRECT);
            assertThat(r.result()).isEqualTo(TransferResultEvent.Result.SUCCESS);
            assertThat(r.destination()).isEqualTo("sip:operator@example.com");
        });
        assertThat(voice.events(call)).endsWith("REDIRECT SUCCESS", "DISCONNECTED(TRANSFERRED)", "IDLE");
        assertThat(other.events(call)).endsWith("ACCEPTED", "DISCONNECTED(TRANSFERRED)", "IDLE");
        assertThat(mon.events(call)).endsWith("DISCONNECTED(TRANSFERRED)", "IDLE");
        assertThat(other.sink.transferResults(call.id())).isEmpty();
        assertThat(voice.info(call).state()).isEqualTo(CallState.IDLE);
    }

    @Test
    void aFailedTransferLeavesTheCallExactlyAsItWas_R29() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String tone = v().generateTone(h, Tone.RINGBACK);
        CallInfo before = voice.info(call);

        String op = v().blindTransfer(h, "sip:agent@example.com");
        s.line.transferred(call.simId(), op, false, "486 Busy Here");

        assertThat(voice.sink.transferResults(call.id())).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(TransferResultEvent.Kind.BLIND_TRANSFER);
            assertThat(r.succeeded()).isFalse();
            assertThat(r.lineReason()).isEqualTo("486 Busy Here");
        });
        assertThat(voice.info(call)).isEqualTo(before);
        assertThat(voice.sink.completionsOf(tone)).as("what played goes on").isEmpty();
        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "CONNECTED");
        String again = v().blindTransfer(h, "sip:other@example.com"); // and it may be tried again
        assertThat(again).isNotEqualTo(op);
    }

    @Test
    void oneRedirectOrTransferAtATimeAndOneResultEach_R29() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String op = v().blindTransfer(h, "sip:a@x");
        assertError(() -> v().blindTransfer(h, "sip:b@x"), TapiError.INVALCALLSTATE, "already under way", op);

        s.line.transferred(call.simId(), op, false, "603 Decline");
        s.line.transferred(call.simId(), op, true, ""); // a second report of the same transfer changes nothing

        assertThat(voice.sink.transferResults(call.id())).singleElement()
                .satisfies(r -> assertThat(r.succeeded()).isFalse());
        assertThat(voice.info(call).state()).isEqualTo(CallState.CONNECTED);
    }

    @Test
    void theCallEndingBeforeTheResultGivesOneFailedResultFirst_R29() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        String op = v().blindTransfer(voice.handle(call), "sip:a@x");
        s.line.hangUp(call.simId());
        s.line.transferred(call.simId(), op, true, "");

        assertThat(voice.events(call)).endsWith("BLIND_TRANSFER FAILED", "DISCONNECTED", "IDLE");
        assertThat(voice.sink.transferResults(call.id())).singleElement()
                .satisfies(r -> assertThat(r.lineReason()).contains("call ended"));
    }

    @Test
    void aSuccessfulTransferCancelsWhatRunsOnTheCall_R28() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        CallHandle h = voice.handle(call);
        String gather = v().gatherDigits(h, GatherRequest.digits(4).withPrompts(Tone.BEEP));
        String op = v().blindTransfer(h, "sip:a@x");
        s.line.transferred(call.simId(), op, true, "");

        assertThat(voice.events(call)).endsWith("BLIND_TRANSFER SUCCESS", "COMPLETED GATHER CANCELLED",
                "DISCONNECTED(TRANSFERRED)", "IDLE");
        assertThat(voice.sink.completionsOf(gather)).hasSize(1);
        assertThat(s.time.pending()).isZero();
    }

    @Test
    void aLineThatCannotTransferGivesAFailedResultAndTheCallStays_R33() {
        s.line.failing.add("transfer");
        TestCall call = s.connected(INTERACTIVEVOICE);
        v().blindTransfer(voice.handle(call), "sip:a@x"); // no error for the application: the result says it

        assertThat(voice.sink.transferResults(call.id())).singleElement().satisfies(r -> {
            assertThat(r.succeeded()).isFalse();
            assertThat(r.lineReason()).contains("line provider failed");
        });
        assertThat(voice.info(call).state()).isEqualTo(CallState.CONNECTED);
        assertThat(voice.info(call).numOwners()).isEqualTo(1);
    }

    // ---- R30 ----

    @Test
    void aCallMadeIsOwnedByItsMakerAloneAndTheMonitorsGetMonitorHandles_R30() {
        Party rival = s.owner("rival", INTERACTIVEVOICE);
        Party hybrid = s.ownerAndMonitor("hybrid", INTERACTIVEVOICE);

        CallHandle h = voice.session.makeCall(ScriptedLine.LINE, "sip:alice@example.com", INTERACTIVEVOICE.bit());

        String callId = voice.sink.all().get(0).callId();
        assertThat(voice.sink.all()).singleElement().satisfies(e -> assertThat(e.handle()).isEqualTo(h));
        assertThat(voice.sink.describe(callId)).containsExactly("DIALING/OWNER");
        assertThat(mon.sink.describe(callId)).containsExactly("DIALING/MONITOR");
        assertThat(hybrid.sink.describe(callId)).containsExactly("DIALING/MONITOR");
        assertThat(rival.sink.all()).as("offered to nobody else").isEmpty();
        CallInfo info = voice.session.control().callInfo(h);
        assertThat(info.state()).isEqualTo(CallState.DIALING);
        assertThat(info.privilege()).isEqualTo(Privilege.OWNER);
        assertThat(info.numOwners()).isEqualTo(1);
        assertThat(info.numMonitors()).isEqualTo(2);
        assertThat(info.calledId()).isEqualTo("sip:alice@example.com");
        String pcid = s.sb.call(callId).orElseThrow().providerCallId();
        assertThat(s.line.actions).containsExactly("makeCall " + pcid + " S1 sip:alice@example.com");
    }

    @Test
    void aCallMadeGoesThroughItsProgressToConnectedAndIsThenLikeAnyOther_R30() {
        Party rival = s.owner("rival", INTERACTIVEVOICE);
        CallHandle h = voice.session.makeCall(ScriptedLine.LINE, "sip:alice@example.com", INTERACTIVEVOICE.bit());
        String callId = voice.sink.all().get(0).callId();
        String pcid = s.sb.call(callId).orElseThrow().providerCallId();

        s.line.state(pcid, CallState.PROCEEDING);
        s.line.state(pcid, CallState.RINGBACK);
        s.line.state(pcid, CallState.CONNECTED);

        assertThat(voice.sink.describe(callId)).containsExactly("DIALING/OWNER", "PROCEEDING", "RINGBACK", "CONNECTED");
        assertThat(mon.sink.describe(callId)).containsExactly("DIALING/MONITOR", "PROCEEDING", "RINGBACK", "CONNECTED");
        String play = v().generateTone(h, Tone.BEEP);
        assertThat(s.line.actions).endsWith("play " + pcid + " " + play + " BEEP");
        assertThat(v().handoffToApplication(h, "rival")).isEqualTo(HandoffResult.SUCCESS);
        assertThat(rival.sink.describe(callId)).containsExactly("OFFERING/OWNER");
    }

    @Test
    void aCallMadeThatDoesNotConnectEndsWithItsReasonThenIdle_R30() {
        for (DisconnectReason reason : List.of(DisconnectReason.BUSY, DisconnectReason.NOANSWER,
                DisconnectReason.REJECT, DisconnectReason.UNREACHABLE)) {
            voice.sink.clear();
            mon.sink.clear();
            CallHandle h = voice.session.makeCall(ScriptedLine.LINE, "sip:bob@example.com", INTERACTIVEVOICE.bit());
            String callId = voice.sink.all().get(0).callId();
            String pcid = s.sb.call(callId).orElseThrow().providerCallId();
            s.line.state(pcid, CallState.PROCEEDING);
            s.line.disconnected(pcid, reason);

            assertThat(voice.sink.describe(callId)).as("%s", reason)
                    .containsExactly("DIALING/OWNER", "PROCEEDING", "DISCONNECTED(" + reason + ")", "IDLE");
            assertThat(mon.sink.describe(callId)).as("%s", reason)
                    .containsExactly("DIALING/MONITOR", "PROCEEDING", "DISCONNECTED(" + reason + ")", "IDLE");
            assertThat(voice.sink.states(callId).get(2).disconnectReason()).isEqualTo(reason);
            v().deallocate(h);
        }
    }

    @Test
    void makingACallIsRefusedNamingWhatIsWrong_R30() {
        Party watcher = s.monitor("watcher");
        assertError(() -> voice.session.makeCall("nowhere", "sip:a@x", INTERACTIVEVOICE.bit()), TapiError.INVALLINE,
                "nowhere", "'voice'");
        assertError(() -> watcher.session.makeCall(ScriptedLine.LINE, "sip:a@x", INTERACTIVEVOICE.bit()),
                TapiError.INVALLINE, "OWNER");
        assertError(() -> voice.session.makeCall(ScriptedLine.LINE, "sip:a@x", 0), TapiError.INVALMEDIAMODE);
        assertError(() -> voice.session.makeCall(ScriptedLine.LINE, " ", INTERACTIVEVOICE.bit()), TapiError.INVALPARAM,
                "destination");
        ScriptedProvider plain = new ScriptedProvider("plain", List.of("P1"),
                new ProviderCapabilities(true, MediaMode.ALL_BITS, true));
        try (ScriptedLine p = new ScriptedLine(plain)) {
            Party app = p.owner("app", INTERACTIVEVOICE);
            assertError(() -> app.session.makeCall("P1", "sip:a@x", INTERACTIVEVOICE.bit()),
                    TapiError.OPERATIONUNAVAIL, "plain");
        }
        voice.session.close();
        assertError(() -> voice.session.makeCall(ScriptedLine.LINE, "sip:a@x", INTERACTIVEVOICE.bit()),
                TapiError.UNINITIALIZED);
        assertThat(s.line.actions).isEmpty();
        assertThat(s.sb.calls()).isEmpty();
    }

    @Test
    void aCallTheLineCannotPlaceEndsAsR24Says_R33() {
        s.line.failing.add("makeCall");
        CallHandle h = voice.session.makeCall(ScriptedLine.LINE, "sip:alice@example.com", INTERACTIVEVOICE.bit());
        String callId = voice.sink.all().get(0).callId();
        assertThat(voice.sink.describe(callId)).containsExactly("DIALING/OWNER", "DISCONNECTED(UNKNOWN)", "IDLE");
        assertThat(mon.sink.describe(callId)).containsExactly("DIALING/MONITOR", "DISCONNECTED(UNKNOWN)", "IDLE");
        v().deallocate(h);
        mon.session.control().deallocate(mon.sink.lastHandle(callId));
        assertThat(s.sb.calls()).isEmpty();
    }

    // ---- R31 ----

    private CallHandle[] twoConnectedCalls(TestCall a, TestCall b) {
        return new CallHandle[] {voice.handle(a), voice.handle(b)};
    }

    @Test
    void unbridgingGivesOneEventAndBothCallsStayUp_R31() {
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall b = s.connected(INTERACTIVEVOICE);
        CallHandle[] h = twoConnectedCalls(a, b);

        String bridge = v().bridge(h[0], h[1]);
        assertThat(s.line.actions).containsExactly("bridge " + bridge + " " + a.simId() + " " + b.simId());
        v().unbridge(h[1]);

        assertThat(voice.sink.bridgeEnds()).singleElement().satisfies(e -> {
            assertThat(e.bridgeId()).isEqualTo(bridge);
            assertThat(e.reason()).isEqualTo(BridgeEndedEvent.Reason.UNBRIDGED);
            assertThat(e.handle()).isEqualTo(h[1]);
            assertThat(e.otherHandle()).isEqualTo(h[0]);
            assertThat(e.otherCallId()).isEqualTo(a.id());
        });
        assertThat(s.line.actions).endsWith("unbridge " + bridge);
        assertThat(voice.info(a).state()).isEqualTo(CallState.CONNECTED);
        assertThat(voice.info(b).state()).isEqualTo(CallState.CONNECTED);
        assertError(() -> v().unbridge(h[0]), TapiError.INVALCALLSTATE, "no bridge");
        v().generateTone(h[0], Tone.BEEP); // media again on both
        v().bridge(h[0], h[1]); // and bridged again
    }

    @Test
    void theEndOfEitherCallEndsTheBridgeOnceAndTheOtherStaysUp_R31() {
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall b = s.connected(INTERACTIVEVOICE);
        CallHandle[] h = twoConnectedCalls(a, b);
        String bridge = v().bridge(h[0], h[1]);

        s.line.hangUp(b.simId());

        assertThat(voice.sink.bridgeEnds()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(BridgeEndedEvent.Reason.HANGUP);
            assertThat(e.handle()).isEqualTo(h[1]);
        });
        assertThat(voice.events(b)).endsWith("BRIDGE ENDED HANGUP", "DISCONNECTED", "IDLE");
        assertThat(voice.info(a).state()).isEqualTo(CallState.CONNECTED);
        v().generateTone(h[0], Tone.BEEP); // the survivor is free of the bridge
        s.line.hangUp(a.simId());
        assertThat(voice.sink.bridgeEnds()).hasSize(1);
        assertThat(s.line.actions).contains("unbridge " + bridge);
    }

    @Test
    void bridgingCancelsRunningMediaAndNoMediaStartsWhileBridged_R31() {
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall b = s.connected(INTERACTIVEVOICE);
        CallHandle[] h = twoConnectedCalls(a, b);
        String tone = v().generateTone(h[0], Tone.RINGBACK);
        String rec = v().record(h[1], RecordRequest.to(dir.resolve("r.wav")));

        String bridge = v().bridge(h[0], h[1]);

        assertThat(voice.sink.completionsOf(tone)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(MediaEndReason.CANCELLED));
        s.line.finished(b.simId(), rec, MediaEndReason.CANCELLED, Duration.ofSeconds(1));
        assertThat(voice.sink.completionsOf(rec)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(MediaEndReason.CANCELLED));
        assertError(() -> v().generateTone(h[0], Tone.BEEP), TapiError.INVALCALLSTATE, bridge, "unbridge");
        assertError(() -> v().gatherDigits(h[1], GatherRequest.digits(1)), TapiError.INVALCALLSTATE, bridge);
    }

    @Test
    void onlyTwoConnectedCallsOfTheSameOwnerAreBridged_R31() {
        Party fax = s.owner("fax", MediaMode.G3FAX);
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall ringing = s.offer(INTERACTIVEVOICE);
        TestCall faxCall = s.connected(MediaMode.G3FAX);
        CallHandle ha = voice.handle(a);

        assertError(() -> v().bridge(ha, voice.handle(ringing)), TapiError.INVALCALLSTATE, "CONNECTED");
        assertError(() -> v().bridge(ha, fax.handle(faxCall)), TapiError.INVALCALLHANDLE);
        assertError(() -> v().bridge(ha, ha), TapiError.INVALPARAM, "itself");
        TestCall b = s.connected(INTERACTIVEVOICE);
        v().setPrivilege(voice.handle(b), Privilege.OWNER);
        v().handoffToApplication(voice.handle(b), "fax");
        v().setPrivilege(voice.handle(b), Privilege.MONITOR);
        assertError(() -> v().bridge(ha, voice.handle(b)), TapiError.NOTOWNER);
        TestCall c = s.connected(INTERACTIVEVOICE);
        TestCall d = s.connected(INTERACTIVEVOICE);
        v().bridge(voice.handle(c), voice.handle(d));
        assertError(() -> v().bridge(ha, voice.handle(d)), TapiError.INVALCALLSTATE, "already in");
        assertThat(s.line.actions("bridge")).hasSize(1);
    }

    @Test
    void callsOfDifferentLinesProvidersAreNotBridged_R31() {
        ScriptedProvider other = new ScriptedProvider("other", List.of("O1"));
        try (ScriptedLine two = new ScriptedLine(new ScriptedProvider("script", List.of("S1")), other)) {
            Party app = two.owner("app", INTERACTIVEVOICE);
            TestCall a = two.connected(INTERACTIVEVOICE);
            TestCall b = two.offer(other, INTERACTIVEVOICE);
            other.state(b.simId(), CallState.CONNECTED);
            assertError(() -> app.session.control().bridge(app.handle(a), app.handle(b)), TapiError.OPERATIONUNAVAIL,
                    "another line provider");
        }
    }

    @Test
    void eachBridgedCallKeepsItsOwnOwnersAndHandles_R31() {
        Party agentDesk = s.owner("desk", MediaMode.G3FAX);
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall b = s.connected(INTERACTIVEVOICE);
        CallHandle[] h = twoConnectedCalls(a, b);
        v().handoffToApplication(h[0], "desk");
        v().bridge(h[0], h[1]);
        assertThat(s.sb.call(a.id()).orElseThrow().owners()).containsExactly("voice", "desk");
        assertThat(s.sb.call(b.id()).orElseThrow().owners()).containsExactly("voice");
        // any owner of a bridged call may end the bridge; its maker hears of it
        agentDesk.session.control().unbridge(agentDesk.handle(a));
        assertThat(voice.sink.bridgeEnds()).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(BridgeEndedEvent.Reason.UNBRIDGED));
        assertThat(agentDesk.sink.bridgeEnds()).isEmpty();
    }

    @Test
    void theMakerHearsOnTheHandleItStillHolds_R31() {
        s.owner("desk", MediaMode.G3FAX);
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall b = s.connected(INTERACTIVEVOICE);
        CallHandle[] h = twoConnectedCalls(a, b);
        v().bridge(h[0], h[1]);
        v().handoffToApplication(h[1], "desk");
        v().deallocate(h[1]);

        s.line.hangUp(b.simId());

        assertThat(voice.sink.bridgeEnds()).singleElement().satisfies(e -> {
            assertThat(e.handle()).isEqualTo(h[0]);
            assertThat(e.callId()).isEqualTo(a.id());
            assertThat(e.otherHandle()).isNull();
            assertThat(e.otherCallId()).isEqualTo(b.id());
        });
    }

    @Test
    void aBridgeTheLineBreaksOrCannotMakeEndsFailedAndBothCallsStay_R33() {
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall b = s.connected(INTERACTIVEVOICE);
        CallHandle[] h = twoConnectedCalls(a, b);
        String bridge = v().bridge(h[0], h[1]);
        s.line.bridgeFailed(bridge, "no RTP from one leg");
        s.line.bridgeFailed(bridge, "no RTP from one leg");

        assertThat(voice.sink.bridgeEnds()).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(BridgeEndedEvent.Reason.FAILED));
        assertThat(s.line.actions("unbridge")).isEmpty();
        assertThat(voice.info(a).state()).isEqualTo(CallState.CONNECTED);
        assertThat(voice.info(b).state()).isEqualTo(CallState.CONNECTED);

        s.line.failing.add("bridge");
        String again = v().bridge(h[0], h[1]);
        assertThat(voice.sink.bridgeEnds()).hasSize(2).last().satisfies(e -> {
            assertThat(e.bridgeId()).isEqualTo(again);
            assertThat(e.reason()).isEqualTo(BridgeEndedEvent.Reason.FAILED);
        });
        v().generateTone(h[1], Tone.BEEP); // no longer bridged
    }

    @Test
    void monitorsOfAMadeCallAreTheLinesOnly_R30() {
        ScriptedProvider second = new ScriptedProvider("second", List.of("T1"));
        try (ScriptedLine two = new ScriptedLine(new ScriptedProvider("script", List.of("S1")), second)) {
            Party maker = two.owner("maker", INTERACTIVEVOICE);
            Party s1Watcher = two.open(ApplicationSpec.monitor("s1w", Set.of("S1")));
            Party t1Watcher = two.open(ApplicationSpec.monitor("t1w", Set.of("T1")));
            maker.session.makeCall("T1", "sip:x@y", INTERACTIVEVOICE.bit());
            assertThat(s1Watcher.sink.all()).isEmpty();
            assertThat(t1Watcher.sink.all()).singleElement()
                    .satisfies(e -> assertThat(RecordingSink.describe(e)).isEqualTo("DIALING/MONITOR"));
            assertThat(second.actions("makeCall")).hasSize(1);
        }
    }
}
