package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.core.HandoffRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R32: call control and media asked inside a transaction happen after commit, in order, after its handoffs; never on rollback. */
class TransactionalCallControlTest {
    @TempDir
    Path dir;

    private final ScriptedLine s = new ScriptedLine();
    private final Party voice = s.owner("voice", INTERACTIVEVOICE);
    private final Party fax = s.owner("fax", G3FAX);
    private final Party mon = s.monitor("mon");

    @AfterEach
    void close() {
        s.close();
    }

    private void noEvents() {
        for (Party p : List.of(voice, fax, mon)) {
            assertThat(p.sink.all()).as(p.name).isEmpty();
        }
    }

    @Test
    void whatATransactionAsksReachesTheLineOnlyAfterCommitInTheOrderAsked_R32() throws Exception {
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall b = s.connected(INTERACTIVEVOICE);
        Path p = ScriptedLine.wav(dir, "hello.wav", 800);
        s.line.actions.clear();
        s.time.advance(java.time.Duration.ZERO);
        voice.sink.clear();
        mon.sink.clear();
        UnitOfWork uow = s.sb.beginUnitOfWork("tx");
        CallControl tx = voice.session.control(uow);

        String play = tx.play(voice.handle(b), Prompt.file(p));
        String digits = tx.generateDigits(voice.handle(a), "42");
        String gather = tx.gatherDigits(voice.handle(b), GatherRequest.digits(1));
        String rec = tx.record(voice.handle(a), RecordRequest.to(dir.resolve("r.wav")));
        String transfer = tx.blindTransfer(voice.handle(a), "sip:desk@x");

        assertThat(List.of(play, digits, gather, rec, transfer)).doesNotHaveDuplicates();
        assertThat(s.line.actions).isEmpty();
        assertThat(s.time.pending()).as("no timeout runs for what has not started").isZero();
        noEvents();

        uow.commit();

        assertThat(s.line.actions).containsExactly(
                "play " + b.simId() + " " + play + " hello.wav",
                "digits " + a.simId() + " " + digits + " 42",
                "record " + a.simId() + " " + rec + " " + dir.resolve("r.wav"),
                "transfer " + a.simId() + " " + transfer + " sip:desk@x");
        assertThat(s.time.pending()).as("the gather's and the recording's timeouts").isEqualTo(2);
        s.line.digits(b.simId(), "7"); // barge-in stops the committed play, the committed gather has its digit
        assertThat(voice.sink.completionsOf(gather)).singleElement().satisfies(c -> assertThat(c.digits()).isEqualTo("7"));
        assertThat(voice.sink.completionsOf(play)).hasSize(1);
    }

    @Test
    void aTransactionThatRollsBackSendsNothingToTheLineAndNoEvent_R32() {
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall b = s.connected(INTERACTIVEVOICE);
        TestCall ringing = s.offer(INTERACTIVEVOICE);
        s.line.actions.clear();
        for (Party p : List.of(voice, fax, mon)) {
            p.sink.clear();
        }
        int calls = s.sb.calls().size();
        UnitOfWork uow = s.sb.beginUnitOfWork("tx");
        CallControl tx = voice.session.control(uow);

        tx.generateTone(voice.handle(a), Tone.BUSY);
        tx.gatherDigits(voice.handle(a), GatherRequest.digits(3));
        tx.record(voice.handle(b), RecordRequest.to(dir.resolve("r.wav")));
        tx.redirect(voice.handle(ringing), "sip:elsewhere@x");
        tx.bridge(voice.handle(a), voice.handle(b));
        tx.stopMedia(voice.handle(b));
        CallHandle made = voice.session.makeCall(uow, ScriptedLine.LINE, "sip:alice@x", INTERACTIVEVOICE.bit());
        assertThat(tx.handoffToApplication(voice.handle(a), "fax")).isEqualTo(HandoffResult.SUCCESS);

        uow.rollback();
        s.advance(java.time.Duration.ofMinutes(10));

        assertThat(s.line.actions).isEmpty();
        noEvents();
        assertThat(s.sb.calls()).hasSize(calls);
        assertThat(s.time.pending()).isZero();
        assertError(() -> voice.session.control().callInfo(made), TapiError.INVALCALLHANDLE);
        voice.session.control().generateTone(voice.handle(a), Tone.BEEP); // the calls are free and unchanged
        assertThat(s.sb.call(a.id()).orElseThrow().owners()).containsExactly("voice");
    }

    @Test
    void theActionsHappenAfterTheTransactionsHandoffsHaveTakenEffect_R32() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        s.line.actions.clear();
        List<String> seenByFax = new CopyOnWriteArrayList<>();
        fax.sink.onEvent(e -> seenByFax.add(RecordingSink.describe(e) + " after " + s.line.actions.size() + " actions"));
        UnitOfWork uow = s.sb.beginUnitOfWork("tx");
        CallControl tx = voice.session.control(uow);

        String tone = tx.generateTone(voice.handle(call), Tone.RINGBACK); // asked before the handoff ...
        tx.handoffToApplication(voice.handle(call), "fax");
        uow.commit();

        // ... yet the handoff took effect, and fax heard of it, before the line was asked for the tone
        assertThat(seenByFax).containsExactly("OFFERING/OWNER after 0 actions");
        assertThat(s.line.actions).containsExactly("play " + call.simId() + " " + tone + " RINGBACK");
    }

    @Test
    void aTransactionCannotLetGoOfACallAndStillHaveActionsOnIt_R32() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        UnitOfWork uow = s.sb.beginUnitOfWork("tx");
        CallControl tx = voice.session.control(uow);
        tx.handoffToApplication(voice.handle(call), "fax");
        String tone = tx.generateTone(voice.handle(call), Tone.BEEP);

        assertError(() -> tx.deallocate(voice.handle(call)), TapiError.OPERATIONFAILED, "generate tone " + tone, "R32");
        uow.commit(); // what was staged still commits: the handoff, then the tone
        assertThat(s.line.actions("play")).hasSize(1);

        UnitOfWork second = s.sb.beginUnitOfWork("tx2");
        CallControl tx2 = voice.session.control(second);
        tx2.deallocate(voice.handle(call));
        assertError(() -> tx2.play(voice.handle(call), Tone.BEEP), TapiError.INVALCALLHANDLE);
        second.rollback();
    }

    @Test
    void aCallMadeInATransactionIsPlacedAtCommitAndItsHandleWorksFromThen_R32() {
        UnitOfWork uow = s.sb.beginUnitOfWork("tx");
        CallHandle h = voice.session.makeCall(uow, ScriptedLine.LINE, "sip:alice@x", INTERACTIVEVOICE.bit());

        assertError(() -> voice.session.control().callInfo(h), TapiError.INVALCALLHANDLE);
        assertThat(s.sb.calls()).isEmpty();
        assertThat(s.line.actions).isEmpty();
        noEvents();

        uow.commit();

        assertThat(voice.session.control().callInfo(h).state()).isEqualTo(CallState.DIALING);
        assertThat(voice.sink.all()).singleElement().satisfies(e -> {
            assertThat(e.handle()).isEqualTo(h);
            assertThat(((CallStateEvent) e).state()).isEqualTo(CallState.DIALING);
        });
        assertThat(s.line.actions("makeCall")).hasSize(1);
    }

    @Test
    void aDecisionThatNoLongerHoldsAtCommitRollsTheTransactionBackAndNothingHappens_R32() {
        TestCall call = s.connected(INTERACTIVEVOICE);
        s.line.actions.clear();
        voice.sink.clear();
        UnitOfWork uow = s.sb.beginUnitOfWork("tx");
        voice.session.control(uow).generateTone(voice.handle(call), Tone.BEEP);
        s.line.hangUp(call.simId()); // the line never waits for a transaction

        assertError(uow::commit, TapiError.OPERATIONFAILED, "no longer holds");
        uow.rollback();

        assertThat(s.line.actions).isEmpty();
        assertThat(voice.events(call)).containsExactly("DISCONNECTED", "IDLE");
    }

    @Test
    void aBridgeAskedInATransactionIsMadeAtCommit_R32() {
        TestCall a = s.connected(INTERACTIVEVOICE);
        TestCall b = s.connected(INTERACTIVEVOICE);
        UnitOfWork uow = s.sb.beginUnitOfWork("tx");
        String bridge = voice.session.control(uow).bridge(voice.handle(a), voice.handle(b));
        assertThat(s.line.actions).isEmpty();
        voice.session.control(uow).unbridge(voice.handle(b)); // decided on the bridge the transaction makes
        uow.commit();
        assertThat(s.line.actions).containsExactly("bridge " + bridge + " " + a.simId() + " " + b.simId(),
                "unbridge " + bridge);
        assertThat(voice.sink.bridgeEnds()).hasSize(1);
    }

    @Test
    void answerAndDropStillActAtOnce_R32() {
        TestCall call = s.offer(INTERACTIVEVOICE);
        UnitOfWork uow = s.sb.beginUnitOfWork("tx");
        voice.session.control(uow).answer(voice.handle(call));
        assertThat(s.line.actions).containsExactly("answer " + call.simId());
        voice.session.control(uow).drop(voice.handle(call));
        assertThat(s.line.actions).containsExactly("answer " + call.simId(), "drop " + call.simId());
        uow.rollback();
    }
}
