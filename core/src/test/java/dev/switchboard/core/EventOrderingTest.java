package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.sim.SimulatedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Events of one call reach each application one at a time and in the order they happened, with
 * many calls driven from several threads and delivered on a thread pool.
 */
class EventOrderingTest {
    private static final int DRIVERS = 6;
    private static final int CALLS_PER_DRIVER = 25;
    private static final String DIGITS = "0123456789*#";

    /** Records events and checks that no two deliveries of one call overlap. */
    private static final class CheckingSink implements EventSink {
        final RecordingSink recorder;
        final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final List<String> overlaps = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        CheckingSink(RecordingSink recorder) {
            this.recorder = recorder;
        }

        @Override
        public void deliver(CallEvent event) {
            AtomicInteger n = inFlight.computeIfAbsent(event.callId(), k -> new AtomicInteger());
            if (n.incrementAndGet() != 1) {
                overlaps.add(event.callId());
            }
            threads.add(Thread.currentThread().getName());
            try {
                recorder.deliver(event);
            } finally {
                n.decrementAndGet();
            }
        }
    }

    @Test
    void eachApplicationSeesEachCallsEventsInOrderUnderConcurrency_R5_R15_R16_R18_R24() throws Exception {
        ExecutorService delivery = Executors.newFixedThreadPool(4);
        ExecutorService drivers = Executors.newFixedThreadPool(DRIVERS);
        int calls = DRIVERS * CALLS_PER_DRIVER;
        Map<String, CountDownLatch> ready = new ConcurrentHashMap<>();
        CountDownLatch idle = new CountDownLatch(calls * 2);
        try (Harness h = Harness.builder().deliveryExecutor(delivery).start()) {
            RecordingSink voiceRec = new RecordingSink("voice");
            RecordingSink monRec = new RecordingSink("mon");
            CheckingSink voiceSink = new CheckingSink(voiceRec);
            CheckingSink monSink = new CheckingSink(monRec);
            CallControl voice = h.sb.open(ApplicationSpec.owner("voice", Set.of(Harness.L1), INTERACTIVEVOICE),
                    voiceSink).control();
            CallControl mon = h.sb.open(ApplicationSpec.monitor("mon", Set.of(Harness.L1)), monSink).control();
            for (var pair : List.of(new Object[] {voiceRec, voice}, new Object[] {monRec, mon})) {
                RecordingSink rec = (RecordingSink) pair[0];
                CallControl session = (CallControl) pair[1];
                rec.onEvent(e -> {
                    if (e instanceof CallStateEvent s && s.state() == CallState.OFFERING) {
                        session.monitorDigits(s.handle(), true);
                        ready.computeIfAbsent(s.callId(), k -> new CountDownLatch(2)).countDown();
                    } else if (e instanceof CallStateEvent s && s.state() == CallState.IDLE) {
                        idle.countDown();
                    }
                });
            }

            List<Future<List<String>>> driven = new ArrayList<>();
            for (int d = 0; d < DRIVERS; d++) {
                driven.add(drivers.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < CALLS_PER_DRIVER; i++) {
                        SimulatedCall placed = h.sim.placeCall(Harness.L1, INTERACTIVEVOICE.bit(), "caller");
                        String simId = placed.simulatedCallId();
                        String callId = placed.callId();
                        ids.add(callId);
                        CountDownLatch both = ready.computeIfAbsent(callId, k -> new CountDownLatch(2));
                        assertThat(both.await(30, TimeUnit.SECONDS)).as("offered " + callId).isTrue();
                        CallHandle vh = voiceRec.lastHandle(callId);
                        voice.answer(vh);
                        h.sim.sendDigits(simId, DIGITS);
                        voice.setMediaMode(vh, INTERACTIVEVOICE.bit());
                        h.sim.hangUp(simId);
                    }
                    return ids;
                }));
            }
            List<String> callIds = new ArrayList<>();
            for (Future<List<String>> f : driven) {
                callIds.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(idle.await(60, TimeUnit.SECONDS)).isTrue();

            List<String> digits = new ArrayList<>();
            for (char c : DIGITS.toCharArray()) {
                digits.add("DIGIT " + c);
            }
            List<String> expectVoice = new ArrayList<>(List.of("OFFERING/OWNER", "CONNECTED"));
            expectVoice.addAll(digits);
            expectVoice.addAll(List.of("DISCONNECTED", "IDLE"));
            List<String> expectMon = new ArrayList<>(List.of("OFFERING/MONITOR", "CONNECTED"));
            expectMon.addAll(digits);
            expectMon.addAll(List.of("MEDIAMODE(1,1)", "DISCONNECTED", "IDLE"));

            assertThat(callIds).hasSize(calls).doesNotHaveDuplicates();
            for (String id : callIds) {
                assertThat(voiceRec.describe(id)).as("voice, " + id).isEqualTo(expectVoice);
                assertThat(monRec.describe(id)).as("mon, " + id).isEqualTo(expectMon);
            }
            assertThat(voiceSink.overlaps).isEmpty();
            assertThat(monSink.overlaps).isEmpty();
            assertThat(voiceRec.size()).isEqualTo(calls * expectVoice.size());
            assertThat(monRec.size()).isEqualTo(calls * expectMon.size());
            assertThat(voiceSink.threads).as("delivered on the pool").allMatch(t -> t.startsWith("pool-"));
        } finally {
            drivers.shutdownNow();
            delivery.shutdownNow();
        }
    }

    @Test
    void aSlowHandlerHoldsUpOnlyItsOwnApplicationsEventsOfTheCall_R18() throws Exception {
        ExecutorService delivery = Executors.newFixedThreadPool(4);
        CountDownLatch voiceInDigitOne = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Harness h = Harness.builder().deliveryExecutor(delivery).start()) {
            RecordingSink voiceRec = new RecordingSink("voice");
            RecordingSink monRec = new RecordingSink("mon");
            CallControl voice = h.sb.open(ApplicationSpec.owner("voice", Set.of(Harness.L1), INTERACTIVEVOICE),
                    voiceRec).control();
            CallControl mon = h.sb.open(ApplicationSpec.monitor("mon", Set.of(Harness.L1)), monRec).control();
            voiceRec.onEvent(e -> {
                if (e instanceof dev.switchboard.api.event.DigitEvent d && d.digit() == '1') {
                    voiceInDigitOne.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS); // a slow handler: an XA handoff, a database write
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            SimulatedCall placed = h.sim.placeCall(Harness.L1, INTERACTIVEVOICE.bit(), "caller");
            String callId = placed.callId();
            org.awaitility.Awaitility.await().until(() -> voiceRec.lastHandle(callId) != null
                    && monRec.lastHandle(callId) != null);
            voice.monitorDigits(voiceRec.lastHandle(callId), true);
            mon.monitorDigits(monRec.lastHandle(callId), true);

            h.sim.sendDigits(placed.simulatedCallId(), "12");

            assertThat(voiceInDigitOne.await(30, TimeUnit.SECONDS)).isTrue();
            // voice is still in its handler for '1', and the monitor has heard both digits
            org.awaitility.Awaitility.await().until(() -> monRec.describe(callId).contains("DIGIT 2"));
            assertThat(voiceRec.describe(callId)).doesNotContain("DIGIT 2");
            release.countDown();
            org.awaitility.Awaitility.await().until(() -> voiceRec.describe(callId).contains("DIGIT 2"));
            assertThat(voiceRec.describe(callId)).containsSubsequence("DIGIT 1", "DIGIT 2");
            assertThat(monRec.describe(callId)).containsSubsequence("DIGIT 1", "DIGIT 2");
        } finally {
            release.countDown();
            delivery.shutdownNow();
        }
    }
}
