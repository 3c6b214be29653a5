package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.core.sim.SimulatedCall;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Only a sink that asks is told when each event was made, so the core's hot path reads no clock for others. */
class EventTimingTest {

    /** Records the moment each event was made, as the adapter's InboundActivation does to time its MDBs. */
    private static final class TimingSink implements EventSink {
        final List<Long> madeAt = new CopyOnWriteArrayList<>();
        final boolean timed;

        TimingSink(boolean timed) {
            this.timed = timed;
        }

        @Override
        public void deliver(CallEvent event) {
            madeAt.add(-1L); // the untimed door
        }

        @Override
        public void deliver(CallEvent event, long madeAtNanos, long readyAtNanos) {
            madeAt.add(timed ? madeAtNanos : -1L);
        }

        @Override
        public boolean timesEvents() {
            return timed;
        }
    }

    @Test
    void aTimingSinkIsToldWhenEachEventWasMadeOthersAreNot() {
        TimingSink timed = new TimingSink(true);
        TimingSink untimed = new TimingSink(false);
        try (Harness h = Harness.start()) {
            h.sb.open(ApplicationSpec.owner("voice", Set.of(Harness.L1), INTERACTIVEVOICE), timed);
            h.sb.open(ApplicationSpec.monitor("mon", Set.of(Harness.L1)), untimed);
            long before = System.nanoTime();
            h.sim.placeCall(Harness.L1, INTERACTIVEVOICE.bit(), "caller");
            long after = System.nanoTime();

            assertThat(timed.madeAt).isNotEmpty().allSatisfy(t -> assertThat(t).isBetween(before, after));
            assertThat(untimed.madeAt).isNotEmpty().containsOnly(-1L);
        }
    }

    /** A digit's two moments: when the core made its event, and when the event could go. */
    private record Moments(long madeAt, long readyAt) {
    }

    @Test
    void anEventIsReadyWhenTheApplicationsPreviousEventOfTheCallHasBeenHandled_R18() throws Exception {
        ExecutorService delivery = Executors.newFixedThreadPool(2);
        CountDownLatch inDigitOne = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong digitOneHandledAt = new AtomicLong();
        Map<Character, Moments> digits = new ConcurrentHashMap<>();
        RecordingSink voiceRec = new RecordingSink("voice") {
            @Override
            public void deliver(CallEvent event, long madeAtNanos, long readyAtNanos) {
                if (event instanceof DigitEvent d) {
                    digits.put(d.digit(), new Moments(madeAtNanos, readyAtNanos));
                }
                deliver(event);
                if (event instanceof DigitEvent d && d.digit() == '1') {
                    inDigitOne.countDown();
                    await(release); // a slow handler: an XA commit with a log write, say
                    digitOneHandledAt.set(System.nanoTime());
                }
            }

            @Override
            public boolean timesEvents() {
                return true;
            }
        };
        try (Harness h = Harness.builder().deliveryExecutor(delivery).start()) {
            CallControl voice = h.sb.open(ApplicationSpec.owner("voice", Set.of(Harness.L1), INTERACTIVEVOICE),
                    voiceRec).control();
            RecordingSink monRec = new RecordingSink("mon");
            CallControl mon = h.sb.open(ApplicationSpec.monitor("mon", Set.of(Harness.L1)), monRec).control();
            SimulatedCall placed = h.sim.placeCall(Harness.L1, INTERACTIVEVOICE.bit(), "caller");
            String callId = placed.callId();
            Awaitility.await().until(() -> voiceRec.lastHandle(callId) != null && monRec.lastHandle(callId) != null);
            voice.monitorDigits(voiceRec.lastHandle(callId), true);
            mon.monitorDigits(monRec.lastHandle(callId), true);

            h.sim.sendDigits(placed.simulatedCallId(), "12");
            assertThat(inDigitOne.await(30, TimeUnit.SECONDS)).isTrue();
            // the monitor has heard digit 2, so it was made while voice is still on digit 1
            Awaitility.await().until(() -> monRec.describe(callId).contains("DIGIT 2"));
            release.countDown();
            Awaitility.await().until(() -> digits.containsKey('2'));

            Moments two = digits.get('2');
            assertThat(two.readyAt() - digitOneHandledAt.get())
                    .as("digit 2 could go only once voice's handler of digit 1 had returned").isPositive();
            assertThat(two.readyAt() - two.madeAt()).as("so it was ready later than it was made").isPositive();
            assertThat(digits.get('1').readyAt() - digits.get('1').madeAt()).as("never ready before made")
                    .isNotNegative();
        } finally {
            release.countDown();
            delivery.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
