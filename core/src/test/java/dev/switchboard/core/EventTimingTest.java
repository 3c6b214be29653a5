package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.event.CallEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
        public void deliver(CallEvent event, long madeAtNanos) {
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
}
