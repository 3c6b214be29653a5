package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.core.HandoffRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.CallView;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R21 (staged changes) and R22 (one transaction at a time per call) in the core, through units of work. */
class UnitOfWorkTest {
    private Harness h = Harness.builder().lockTimeout(Duration.ofMillis(300)).start();
    private Party voice;
    private Party fax;
    private Party mon;
    private TestCall call;

    private void threeAppsAndAVoiceCall() {
        voice = h.owner("voice", INTERACTIVEVOICE);
        fax = h.owner("fax", G3FAX);
        mon = h.monitor("mon");
        call = h.place(INTERACTIVEVOICE);
        h.clearEvents();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private void assertNoEvents() {
        assertThat(voice.sink.all()).isEmpty();
        assertThat(fax.sink.all()).isEmpty();
        assertThat(mon.sink.all()).isEmpty();
    }

    // ---- R21 ----

    @Test
    void stagedHandoffIsInvisibleUntilCommit_R21() {
        threeAppsAndAVoiceCall();
        CallView before = h.view(call);
        CallInfo monBefore = mon.info(call);
        CallInfo voiceBefore = voice.info(call);
        UnitOfWork uow = h.sb.beginUnitOfWork("tx-1");

        assertThat(voice.session.control(uow).handoffToApplication(voice.handle(call), "fax"))
                .isEqualTo(HandoffResult.SUCCESS);

        assertNoEvents();
        assertThat(uow.isEmpty()).isFalse();
        assertThat(h.view(call)).isEqualTo(before);
        assertThat(fax.session.handles()).isEmpty();
        assertThat(voice.session.control(uow).callInfo(voice.handle(call))).isEqualTo(voiceBefore);
        assertThat(mon.info(call)).as("another application's view, read outside the transaction").isEqualTo(monBefore);

        uow.commit();

        assertThat(uow.isEnded()).isTrue();
        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(mon.events(call)).containsExactly("NUMOWNERINCR(2,1)");
        assertThat(voice.sink.all()).isEmpty();
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "fax");
        assertThat(voice.info(call).privilege()).isEqualTo(Privilege.OWNER);
    }

    @Test
    void stagedPrivilegeChangeAndDeallocationTakeEffectOnlyAtCommit_R21() {
        threeAppsAndAVoiceCall();
        CallHandle mh = mon.handle(call);
        UnitOfWork claim = h.sb.beginUnitOfWork("claim");
        mon.session.control(claim).setPrivilege(mh, Privilege.OWNER);
        assertThat(h.view(call).owners()).containsExactly("voice");
        assertNoEvents();
        claim.commit();
        assertThat(voice.events(call)).containsExactly("NUMOWNERINCR(2,0)", "NUMMONITORS(2,0)");
        h.clearEvents();

        UnitOfWork leave = h.sb.beginUnitOfWork("leave");
        CallHandle vh = voice.handle(call);
        voice.session.control(leave).deallocate(vh);
        assertThat(voice.session.handles()).containsExactly(vh);
        assertThat(voice.session.control(leave).callInfo(vh).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "mon");
        assertNoEvents();
        leave.commit();

        assertThat(voice.session.handles()).isEmpty();
        assertError(() -> voice.session.control().callInfo(vh), TapiError.INVALCALLHANDLE);
        assertThat(mon.events(call)).containsExactly("NUMOWNERDECR(1,0)");
        assertThat(voice.sink.all()).isEmpty();
    }

    @Test
    void rollbackLeavesEverythingAsBeforeAndSendsNothing_R21() {
        threeAppsAndAVoiceCall();
        CallHandle vh = voice.handle(call);
        CallHandle mh = mon.handle(call);
        CallView before = h.view(call);
        CallInfo voiceBefore = voice.info(call);
        CallInfo monBefore = mon.info(call);
        UnitOfWork uow = h.sb.beginUnitOfWork("doomed");

        assertThat(voice.session.control(uow).handoffToMediaMode(vh, G3FAX)).isEqualTo(HandoffResult.SUCCESS);
        mon.session.control(uow).setPrivilege(mh, Privilege.OWNER);
        voice.session.control(uow).setPrivilege(vh, Privilege.MONITOR);
        voice.session.control(uow).deallocate(vh);
        uow.rollback();

        assertThat(uow.isEnded()).isTrue();
        assertThat(h.view(call)).isEqualTo(before);
        assertThat(voice.info(call)).isEqualTo(voiceBefore);
        assertThat(mon.info(call)).isEqualTo(monBefore);
        assertThat(voice.session.handles()).containsExactly(vh);
        assertThat(mon.session.handles()).containsExactly(mh);
        assertThat(fax.session.handles()).isEmpty();
        assertNoEvents();

        // the call is free again: a live change goes through at once, and only it is seen
        mon.session.control().setPrivilege(mh, Privilege.OWNER);
        assertThat(voice.events(call)).containsExactly("NUMOWNERINCR(2,0)", "NUMMONITORS(2,0)");
        assertThat(fax.sink.all()).isEmpty();
        uow.rollback(); // a second rollback is harmless
        assertThat(fax.sink.all()).isEmpty();
    }

    @Test
    void laterChangesInTheSameTransactionAreDecidedOnItsEarlierOnes_R21() {
        threeAppsAndAVoiceCall();
        CallHandle vh = voice.handle(call);
        assertError(() -> voice.session.control().setPrivilege(vh, Privilege.MONITOR), TapiError.INVALCALLSTATE);
        UnitOfWork uow = h.sb.beginUnitOfWork("handoff-then-step-back");

        assertThat(voice.session.control(uow).handoffToApplication(vh, "fax")).isEqualTo(HandoffResult.SUCCESS);
        voice.session.control(uow).setPrivilege(vh, Privilege.MONITOR); // not sole owner any more, in the transaction
        assertNoEvents();
        assertThat(h.view(call).owners()).containsExactly("voice");
        uow.commit();

        assertThat(h.view(call).owners()).containsExactly("fax");
        assertThat(h.view(call).monitors()).containsExactlyInAnyOrder("voice", "mon");
        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,2)", "NUMMONITORS(1,2)");
        assertThat(mon.events(call)).containsExactly("NUMOWNERINCR(2,1)", "NUMOWNERDECR(1,2)", "NUMMONITORS(1,2)");
        assertThat(voice.sink.all()).isEmpty();
    }

    @Test
    void failedStagedOperationReportsItsErrorAndStagesNothing_R21() {
        threeAppsAndAVoiceCall();
        UnitOfWork uow = h.sb.beginUnitOfWork("bad");
        assertError(() -> mon.session.control(uow).handoffToApplication(mon.handle(call), "fax"), TapiError.NOTOWNER);
        assertError(() -> voice.session.control(uow).setPrivilege(voice.handle(call), Privilege.MONITOR),
                TapiError.INVALCALLSTATE);
        assertError(() -> fax.session.control(uow).deallocate(voice.handle(call)), TapiError.INVALCALLHANDLE);
        assertThat(uow.isEmpty()).isTrue();
        uow.commit();
        assertNoEvents();
        assertThat(h.view(call).owners()).containsExactly("voice");
    }

    // ---- R22 ----

    @Test
    void secondTransactionOnTheSameCallTimesOutWithResourceUnavail_R22() {
        threeAppsAndAVoiceCall();
        UnitOfWork first = h.sb.beginUnitOfWork("first");
        voice.session.control(first).handoffToApplication(voice.handle(call), "fax");
        UnitOfWork second = h.sb.beginUnitOfWork("second");

        long t0 = System.nanoTime();
        assertError(() -> mon.session.control(second).setPrivilege(mon.handle(call), Privilege.OWNER),
                TapiError.RESOURCEUNAVAIL, call.id(), "'mon'", "300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        // a change made outside any transaction waits the same way
        assertError(() -> voice.session.control().handoffToApplication(voice.handle(call), "fax"), TapiError.RESOURCEUNAVAIL,
                call.id(), "'voice'");
        assertError(() -> mon.session.control(second).deallocate(mon.handle(call)), TapiError.RESOURCEUNAVAIL);

        first.rollback();
        mon.session.control(second).setPrivilege(mon.handle(call), Privilege.OWNER);
        second.commit();
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "mon");
        assertThat(fax.sink.all()).isEmpty();
    }

    @Test
    void secondTransactionWaitsForTheFirstAndSeesItsOutcome_R22() throws Exception {
        h.close();
        h = Harness.builder().lockTimeout(Duration.ofSeconds(30)).start();
        threeAppsAndAVoiceCall();
        CallHandle vh = voice.handle(call);
        UnitOfWork first = h.sb.beginUnitOfWork("first");
        mon.session.control(first).setPrivilege(mon.handle(call), Privilege.OWNER);
        UnitOfWork second = h.sb.beginUnitOfWork("second");
        // voice alone may not step back to monitor; once mon's claim is committed it may
        CountDownLatch starting = new CountDownLatch(1);
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Void> stepBack = CompletableFuture.runAsync(() -> {
            waiter.set(Thread.currentThread());
            starting.countDown();
            voice.session.control(second).setPrivilege(vh, Privilege.MONITOR);
        });
        assertThat(starting.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiter.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(stepBack).isNotDone();
        assertNoEvents();

        first.commit();
        stepBack.get(10, TimeUnit.SECONDS);
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "mon");
        second.commit();

        assertThat(h.view(call).owners()).containsExactly("mon");
        assertThat(h.view(call).monitors()).containsExactly("voice");
        assertThat(voice.events(call)).containsExactly("NUMOWNERINCR(2,0)", "NUMMONITORS(2,0)");
        assertThat(mon.events(call)).containsExactly("NUMOWNERDECR(1,1)", "NUMMONITORS(1,1)");
    }

    @Test
    void liveChangeWaitsForTheTransactionAndProceedsAfterRollback_R22() throws Exception {
        h.close();
        h = Harness.builder().lockTimeout(Duration.ofSeconds(30)).start();
        threeAppsAndAVoiceCall();
        UnitOfWork tx = h.sb.beginUnitOfWork("tx");
        voice.session.control(tx).handoffToApplication(voice.handle(call), "fax");
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CountDownLatch starting = new CountDownLatch(1);
        CompletableFuture<Void> claim = CompletableFuture.runAsync(() -> {
            waiter.set(Thread.currentThread());
            starting.countDown();
            mon.session.control().setPrivilege(mon.handle(call), Privilege.OWNER);
        });
        assertThat(starting.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> waiter.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(claim).isNotDone();

        tx.rollback();
        claim.get(10, TimeUnit.SECONDS);

        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "mon");
        assertThat(fax.sink.all()).isEmpty();
        assertThat(voice.events(call)).containsExactly("NUMOWNERINCR(2,0)", "NUMMONITORS(2,0)");
    }

    @Test
    void prepareFailsWhenTheHandoffTargetClosedMeanwhile_R22() {
        threeAppsAndAVoiceCall();
        CallView before = h.view(call);
        UnitOfWork uow = h.sb.beginUnitOfWork("tx-stale");
        assertThat(voice.session.control(uow).handoffToApplication(voice.handle(call), "fax"))
                .isEqualTo(HandoffResult.SUCCESS);

        fax.session.close();

        assertError(uow::prepare, TapiError.OPERATIONFAILED, call.id(), "tx-stale", "'voice'");
        assertError(uow::commit, TapiError.OPERATIONFAILED, call.id());
        uow.rollback();
        assertThat(h.view(call)).isEqualTo(before);
        assertNoEvents();
        // the call is free again
        mon.session.control().setPrivilege(mon.handle(call), Privilege.OWNER);
        assertThat(h.view(call).owners()).containsExactlyInAnyOrder("voice", "mon");
    }

    @Test
    void prepareFailsWhenAMediaModeHandoffWouldNowReachAnotherApplication_R22() {
        threeAppsAndAVoiceCall();
        UnitOfWork uow = h.sb.beginUnitOfWork("tx-new-target");
        assertThat(voice.session.control(uow).handoffToMediaMode(voice.handle(call), G3FAX))
                .isEqualTo(HandoffResult.SUCCESS);

        // Still SUCCESS, but to another application: the decision made in the transaction no longer holds.
        h.sb.priorityLists().setList(G3FAX, java.util.List.of("fax2"));
        Party fax2 = h.owner("fax2", G3FAX);

        assertError(uow::prepare, TapiError.OPERATIONFAILED, call.id(), "tx-new-target");
        uow.rollback();
        assertThat(h.view(call).owners()).containsExactly("voice");
        assertThat(fax.sink.all()).isEmpty();
        assertThat(fax2.sink.all()).isEmpty();
    }

    @Test
    void prepareFailsWhenAStepBackIsNoLongerAllowed_R22() {
        threeAppsAndAVoiceCall();
        mon.session.control().setPrivilege(mon.handle(call), Privilege.OWNER);
        UnitOfWork uow = h.sb.beginUnitOfWork("step-back");
        voice.session.control(uow).setPrivilege(voice.handle(call), Privilege.MONITOR);

        mon.session.close(); // closing does not wait: voice is now the sole owner

        assertError(uow::prepare, TapiError.OPERATIONFAILED, call.id());
        uow.rollback();
        assertThat(h.view(call).owners()).containsExactly("voice");
    }

    @Test
    void preparedTransactionCommitsItsDecisions_R22() {
        threeAppsAndAVoiceCall();
        UnitOfWork uow = h.sb.beginUnitOfWork("two-phase");
        voice.session.control(uow).handoffToMediaMode(voice.handle(call), G3FAX);
        uow.prepare();
        assertNoEvents();
        uow.commit();
        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(List.of(uow.isEnded(), uow.isEmpty())).containsExactly(true, true);
    }
}
