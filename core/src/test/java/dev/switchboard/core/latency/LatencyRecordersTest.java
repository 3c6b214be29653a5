package dev.switchboard.core.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRecordersTest {

    @Test
    void percentilesOfRecordedValuesWithinOnePercent() {
        LatencyRecorder r = new LatencyRecorders().handoffNonXa();
        for (long micros = 1; micros <= 1000; micros++) {
            r.record(micros * 1000);
        }
        LatencySnapshot s = r.snapshot();
        assertThat(s.name()).isEqualTo("handoffNonXa");
        assertThat(s.count()).isEqualTo(1000);
        assertThat((double) s.p50Nanos()).isCloseTo(500_000, within(5_000.0));
        assertThat((double) s.p90Nanos()).isCloseTo(900_000, within(9_000.0));
        assertThat((double) s.p99Nanos()).isCloseTo(990_000, within(9_900.0));
        assertThat((double) s.maxNanos()).isCloseTo(1_000_000, within(10_000.0));
    }

    @Test
    void nothingRecordedReadsAsZeros() {
        assertThat(new LatencyRecorders().snapshots())
                .extracting(LatencySnapshot::name, LatencySnapshot::count, LatencySnapshot::maxNanos)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("eventToHandler", 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("readyToHandler", 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("handoffNonXa", 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("handoffXa", 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("answerTo200", 0L, 0L));
    }

    @Test
    void snapshotsAccumulateUntilReset() {
        LatencyRecorders all = new LatencyRecorders();
        all.answerTo200().record(2_000);
        assertThat(all.answerTo200().snapshot().count()).isEqualTo(1);
        all.answerTo200().record(4_000);
        assertThat(all.answerTo200().snapshot().count()).isEqualTo(2);

        all.reset();
        assertThat(all.answerTo200().snapshot().count()).isZero();
        all.answerTo200().record(3_000);
        assertThat(all.answerTo200().snapshot().count()).isEqualTo(1);
    }

    @Test
    void outOfRangeValuesAreClampedNotThrown() {
        LatencyRecorder r = new LatencyRecorders().eventToHandler();
        r.record(-5);
        r.record(Long.MAX_VALUE);
        LatencySnapshot s = r.snapshot();
        assertThat(s.count()).isEqualTo(2);
        assertThat((double) s.maxNanos()).isCloseTo(LatencyRecorder.HIGHEST_NANOS, within(LatencyRecorder.HIGHEST_NANOS / 100.0));
    }

    @Test
    void recordsFromManyThreadsWhileBeingReadLoseNothing() throws Exception {
        LatencyRecorder r = new LatencyRecorders().handoffXa();
        int threads = 4;
        int each = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    for (int i = 0; i < each; i++) {
                        r.record(1_000 + i);
                    }
                    done.countDown();
                });
            }
            while (!done.await(1, TimeUnit.MILLISECONDS)) {
                r.snapshot(); // reading while recording must neither block writers nor drop values
            }
        } finally {
            pool.shutdown();
        }
        assertThat(r.snapshot().count()).isEqualTo((long) threads * each);
    }
}
