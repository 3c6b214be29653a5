package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.api.MediaMode.TDD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallView;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.operator.CallArrived;
import dev.switchboard.api.operator.CallGone;
import dev.switchboard.api.operator.CallHoldersChanged;
import dev.switchboard.api.operator.CallMediaChanged;
import dev.switchboard.api.operator.CallStateChanged;
import dev.switchboard.api.operator.CallUnowned;
import dev.switchboard.api.operator.DigitReceived;
import dev.switchboard.api.operator.HandoffOutcome;
import dev.switchboard.api.operator.HistoryEvent;
import dev.switchboard.api.operator.MediaDetected;
import dev.switchboard.api.operator.OperatorEvent;
import dev.switchboard.api.operator.OperatorListener;
import dev.switchboard.api.operator.OperatorSubscription;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator feed: the events operators get from the same changes that drive applications, in
 * order per call, on their own threads; the history a late operator still sees; listeners that
 * throw or stall harm nobody.
 */
class OperatorFeedTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService operatorThreads = Executors.newCachedThreadPool();
    private final Harness h = Harness.builder().with(b -> b.operatorExecutor(operatorThreads)).start();

    @AfterEach
    void tearDown() throws InterruptedException {
        h.close();
        operatorThreads.shutdownNow();
        assertThat(operatorThreads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void oneCallsEventsArriveInTheOrderItsChangesHappened_R11_R15_R16_R18_R24() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        Party mon = h.monitor("mon");
        Recorder operator = new Recorder();
        h.sb.operatorFeed().subscribe(operator);

        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);
        voice.session.control().monitorDigits(vh, true);
        voice.session.control().answer(vh);
        h.sim.sendDigits(call.simId(), "9");
        h.sim.detect(call.simId(), TDD); // nobody monitors TDD: it drives nothing, operators hear nothing
        assertThat(voice.session.control().handoffToMediaMode(vh, G3FAX.bit())).isEqualTo(HandoffResult.SUCCESS);
        voice.session.control().deallocate(vh);
        CallHandle fh = fax.handle(call);
        fax.session.control().setMediaMode(fh, G3FAX.bit());
        h.hangUp(call);
        fax.session.control().deallocate(fh);
        mon.session.control().deallocate(mon.handle(call));

        List<String> expected = List.of(
                "arrived OFFERING owners=[voice] monitors=[mon]",
                "state CONNECTED",
                "digit 9",
                "handoff voice->G3FAX SUCCESS reached=fax IMMEDIATE",
                "holders owners=[voice, fax] monitors=[mon]",
                "holders owners=[fax] monitors=[mon]",
                "media G3FAX (0x20)",
                "state DISCONNECTED",
                "state IDLE",
                "holders owners=[] monitors=[mon]",
                "holders owners=[] monitors=[]",
                "gone");
        await().atMost(WAIT).until(() -> operator.describe(call.id()).size() >= expected.size());
        assertThat(operator.describe(call.id())).containsExactlyElementsOf(expected);
        assertThat(operator.events(call.id())).extracting(OperatorEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(operator.threads).as("delivered on the operator executor, not the caller's thread")
                .doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void aRolledBackHandoffIsReportedAsSuchAndACommittedOneWithItsEffect_R21() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        h.owner("fax", G3FAX);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);
        Recorder operator = new Recorder();
        h.sb.operatorFeed().subscribe(operator);

        UnitOfWork rolledBack = h.sb.beginUnitOfWork("rolled-back");
        assertThat(voice.session.control(rolledBack).handoffToApplication(vh, "fax")).isEqualTo(HandoffResult.SUCCESS);
        rolledBack.rollback();
        UnitOfWork committed = h.sb.beginUnitOfWork("committed");
        assertThat(voice.session.control(committed).handoffToMediaMode(vh, G3FAX.bit())).isEqualTo(HandoffResult.SUCCESS);
        committed.commit();

        List<String> expected = List.of(
                "handoff voice->fax SUCCESS reached=null ROLLED_BACK",
                "handoff voice->G3FAX SUCCESS reached=fax COMMITTED",
                "holders owners=[voice, fax] monitors=[]");
        await().atMost(WAIT).until(() -> operator.describe(call.id()).size() >= expected.size());
        assertThat(operator.describe(call.id())).as("staging told nobody; the rollback changed nothing but is reported")
                .containsExactlyElementsOf(expected);

        List<HistoryEvent> history = h.sb.operatorFeed().history();
        assertThat(history).hasSize(2);
        HandoffOutcome newest = (HandoffOutcome) history.get(0);
        HandoffOutcome oldest = (HandoffOutcome) history.get(1);
        assertThat(newest.completion()).isEqualTo(HandoffOutcome.Completion.COMMITTED);
        assertThat(newest.movedCall()).isTrue();
        assertThat(newest.call().owners()).containsExactly("voice", "fax");
        assertThat(oldest.completion()).isEqualTo(HandoffOutcome.Completion.ROLLED_BACK);
        assertThat(oldest.movedCall()).isFalse();
        assertThat(oldest.targetApplication()).isEqualTo("fax");
        assertThat(oldest.call().owners()).as("nothing changed (R21)").containsExactly("voice");

        SwitchboardStatistics s = h.sb.statistics();
        assertThat(s.handoffsRolledBack()).isEqualTo(1);
        assertThat(s.handoffsSucceeded()).isEqualTo(1);
    }

    @Test
    void aListenerThatThrowsGetsEveryEventAndDisturbsNeitherCallsNorOtherListeners() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        h.owner("fax", G3FAX);
        Recorder throwing = new Recorder() {
            @Override
            public void onOperatorEvent(OperatorEvent event) {
                super.onOperatorEvent(event);
                throw new IllegalStateException("this listener fails on every event");
            }
        };
        Recorder quiet = new Recorder();
        h.sb.operatorFeed().subscribe(throwing);
        h.sb.operatorFeed().subscribe(quiet);

        TestCall call = h.place(INTERACTIVEVOICE);
        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX.bit())).isEqualTo(HandoffResult.SUCCESS);
        h.hangUp(call);

        List<String> expected = List.of(
                "arrived OFFERING owners=[voice] monitors=[]",
                "handoff voice->G3FAX SUCCESS reached=fax IMMEDIATE",
                "holders owners=[voice, fax] monitors=[]",
                "state DISCONNECTED",
                "state IDLE");
        await().atMost(WAIT).until(() -> quiet.describe(call.id()).size() >= expected.size()
                && throwing.describe(call.id()).size() >= expected.size());
        assertThat(quiet.describe(call.id())).containsExactlyElementsOf(expected);
        assertThat(throwing.describe(call.id())).containsExactlyElementsOf(expected);
    }

    @Test
    void aStuckListenerHoldsUpNeitherCallsNorOtherListenersAndCatchesUpInOrder() throws InterruptedException {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        h.owner("fax", G3FAX);
        CountDownLatch release = new CountDownLatch(1);
        Recorder stuck = new Recorder() {
            @Override
            public void onOperatorEvent(OperatorEvent event) {
                super.onOperatorEvent(event);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Recorder quiet = new Recorder();
        h.sb.operatorFeed().subscribe(stuck);
        h.sb.operatorFeed().subscribe(quiet);

        // everything below runs on this thread while the stuck listener waits
        TestCall call = h.place(INTERACTIVEVOICE);
        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX.bit())).isEqualTo(HandoffResult.SUCCESS);
        h.hangUp(call);

        await().atMost(WAIT).until(() -> quiet.describe(call.id()).size() >= 5);
        assertThat(stuck.describe(call.id())).hasSize(1);
        release.countDown();
        await().atMost(WAIT).until(() -> stuck.describe(call.id()).size() >= 5);
        assertThat(stuck.describe(call.id())).containsExactlyElementsOf(quiet.describe(call.id()));
    }

    @Test
    void aListenerTooFarBehindLosesOnlyTheNewestEvents() throws InterruptedException {
        OperatorFeed feed = new OperatorFeed(operatorThreads, Clock.systemUTC(), new Counters(), 10, 3);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder stuck = new Recorder() {
            @Override
            public void onOperatorEvent(OperatorEvent event) {
                super.onOperatorEvent(event);
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        feed.subscribe(stuck);
        feed.publish(gone(feed, "call-1"));
        feed.flush();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 2; i <= 5; i++) {
            feed.publish(gone(feed, "call-" + i)); // three fit behind the one in hand; the fifth does not
            feed.flush();
        }
        release.countDown();
        await().atMost(WAIT).until(() -> stuck.received.size() >= 4);
        assertThat(stuck.received).extracting(OperatorEvent::callId)
                .containsExactly("call-1", "call-2", "call-3", "call-4");
    }

    @Test
    void theHistoryIsKeptWithoutAnySubscriberAndHoldsTheNewestOnly_R7() {
        try (Harness small = Harness.builder().with(b -> b.operatorHistorySize(2)).start()) {
            Party voice = small.owner("voice", INTERACTIVEVOICE);
            small.owner("fax", G3FAX);
            TestCall tdd = small.place(TDD); // nobody owns TDD (R7)
            assertThat(small.sb.operatorFeed().history()).singleElement()
                    .isInstanceOfSatisfying(CallUnowned.class, u -> assertThat(u.callId()).isEqualTo(tdd.id()));

            TestCall call = small.place(INTERACTIVEVOICE);
            CallHandle vh = voice.handle(call);
            assertThat(voice.session.control().handoffToMediaMode(vh, TDD.bit())).isEqualTo(HandoffResult.TARGETNOTFOUND);
            assertThat(voice.session.control().handoffToApplication(vh, "fax")).isEqualTo(HandoffResult.SUCCESS);

            assertThat(small.sb.operatorFeed().history()).extracting(OperatorFeedTest::describe)
                    .containsExactly("handoff voice->fax SUCCESS reached=fax IMMEDIATE",
                            "handoff voice->TDD TARGETNOTFOUND reached=null IMMEDIATE");
        }
    }

    @Test
    void aCallIsReportedUnownedEachTimeItsLastOwnerLetsGo_R7() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Recorder operator = new Recorder();
        h.sb.operatorFeed().subscribe(operator);
        TestCall call = h.place(INTERACTIVEVOICE);

        voice.session.control().deallocate(voice.handle(call));
        h.sb.assignOwner(call.id(), "voice");
        voice.session.control().deallocate(voice.handle(call));

        List<String> expected = List.of(
                "arrived OFFERING owners=[voice] monitors=[]",
                "holders owners=[] monitors=[]",
                "unowned",
                "holders owners=[voice] monitors=[]",
                "holders owners=[] monitors=[]",
                "unowned");
        await().atMost(WAIT).until(() -> operator.describe(call.id()).size() >= expected.size());
        assertThat(operator.describe(call.id())).containsExactlyElementsOf(expected);
        assertThat(h.sb.operatorFeed().history()).hasSize(2).allMatch(e -> e instanceof CallUnowned);
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() {
        h.owner("voice", INTERACTIVEVOICE);
        Recorder closed = new Recorder();
        Recorder open = new Recorder();
        OperatorSubscription subscription = h.sb.operatorFeed().subscribe(closed);
        h.sb.operatorFeed().subscribe(open);
        TestCall first = h.place(INTERACTIVEVOICE);
        await().atMost(WAIT).until(() -> closed.describe(first.id()).size() == 1);

        subscription.close();
        TestCall second = h.place(INTERACTIVEVOICE);

        await().atMost(WAIT).until(() -> open.describe(second.id()).size() == 1);
        assertThat(subscription.isOpen()).isFalse();
        assertThat(closed.received).hasSize(1);
    }

    // ---- helpers

    private static CallGone gone(OperatorFeed feed, String callId) {
        return new CallGone(feed.nextSeq(), feed.now(), callId, "L1");
    }

    static String describe(OperatorEvent e) {
        if (e instanceof CallArrived a) {
            return "arrived " + a.call().state() + " " + holders(a.call());
        } else if (e instanceof CallStateChanged s) {
            return "state " + s.state();
        } else if (e instanceof CallMediaChanged m) {
            return "media " + MediaMode.describe(m.call().mediaModes());
        } else if (e instanceof CallHoldersChanged c) {
            return "holders " + holders(c.call());
        } else if (e instanceof MediaDetected d) {
            return "detected " + d.mode();
        } else if (e instanceof DigitReceived d) {
            return "digit " + d.digit();
        } else if (e instanceof CallUnowned) {
            return "unowned";
        } else if (e instanceof HandoffOutcome o) {
            return "handoff " + o.application() + "->" + o.target() + " " + o.result() + " reached=" + o.reached()
                    + " " + o.completion();
        } else if (e instanceof CallGone) {
            return "gone";
        }
        throw new AssertionError("an operator event this test does not know: " + e);
    }

    private static String holders(CallView c) {
        return "owners=" + c.owners() + " monitors=" + c.monitors();
    }

    /** Records what an operator listener gets, and on which threads. */
    static class Recorder implements OperatorListener {
        final List<OperatorEvent> received = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onOperatorEvent(OperatorEvent event) {
            received.add(event);
            threads.add(Thread.currentThread().getName());
        }

        List<OperatorEvent> events(String callId) {
            return received.stream().filter(e -> e.callId().equals(callId)).toList();
        }

        List<String> describe(String callId) {
            return events(callId).stream().map(OperatorFeedTest::describe).toList();
        }
    }
}
