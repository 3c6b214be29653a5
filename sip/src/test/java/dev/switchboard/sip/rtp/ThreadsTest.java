package dev.switchboard.sip.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sip.media.G711;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** No thread per call: the engine's threads are fixed by its configuration, whatever the number of streams. */
class ThreadsTest {

    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final int STREAMS = 500;
    private static final int PACKETS_EACH = 25; // half a second of every stream sending

    /**
     * 500 streams in a ring, each sending silence to the next over loopback UDP: every one of them
     * receives, and the JVM's thread count (and its peak) stays where it was with none.
     */
    @Test
    void fiveHundredStreamsSendingSilenceAddNoThreads() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (MediaEngine engine = MediaEngine.start(new EngineConfig(1, "ring-rtp", 10), new DaemonThreads("ring"))) {
            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();
            AtomicIntegerArray received = new AtomicIntegerArray(STREAMS);
            CountDownLatch everyoneHeard = new CountDownLatch(STREAMS);
            List<RtpStream> ring = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                RtpStream s = engine.open("ring-" + i, ANY_PORT, StreamSettings.of(G711.ULAW), TestStreams.DIRECT);
                int index = i;
                s.consumer((packet, settings) -> {
                    if (received.incrementAndGet(index) == PACKETS_EACH) {
                        everyoneHeard.countDown();
                    }
                });
                ring.add(s);
            }
            for (int i = 0; i < STREAMS; i++) {
                RtpStream s = ring.get(i);
                s.settings(s.settings().withRemote(ring.get((i + 1) % STREAMS).localAddress()));
            }

            assertThat(everyoneHeard.await(60, TimeUnit.SECONDS)).as("every stream received %d packets", PACKETS_EACH)
                    .isTrue();

            assertThat(engine.streams()).isEqualTo(STREAMS);
            assertThat(threads.getThreadCount()).isLessThanOrEqualTo(before + 1);
            assertThat(threads.getPeakThreadCount()).isLessThanOrEqualTo(before + 1);
            assertThat(DaemonThreads.named("ring")).as("one I/O thread and one timer").isEqualTo(2);
        }
    }

    @Test
    void ioThreadsAreAsManyAsConfiguredAndNamedWhileTheyServe() throws Exception {
        ExecutorService lent = Executors.newFixedThreadPool(3, new DaemonThreads("container-pool"));
        ManualTicker ticker = new ManualTicker();
        MediaEngine engine = new MediaEngine(new EngineConfig(3, "named-rtp", 10), lent, ticker);
        try {
            org.awaitility.Awaitility.await().until(() -> DaemonThreads.named("named-rtp-io-") == 3);
            assertThat(ticker.periodMillis).isEqualTo(10);
        } finally {
            engine.close();
        }

        assertThat(engine.awaitStopped(5000)).isTrue();
        assertThat(ticker.stopped).isTrue();
        assertThat(lent.submit(() -> Thread.currentThread().getName()).get()).startsWith("container-pool-thread-");
        assertThat(DaemonThreads.named("named-rtp")).isZero();
        lent.shutdownNow();
    }

    @Test
    void anExecutorThatRefusesTheLoopsFailsTheStartSayingSo() {
        ExecutorService shut = Executors.newSingleThreadExecutor();
        shut.shutdown();

        assertThatThrownBy(() -> new MediaEngine(EngineConfig.defaults(), shut, new ManualTicker()))
                .hasMessageContaining("could not start its 1 I/O loops");
    }

    @Test
    void aClosedEngineOpensNoStream() throws Exception {
        MediaEngine engine = MediaEngine.start(EngineConfig.defaults(), new DaemonThreads("closed"));
        engine.close();

        assertThatThrownBy(() -> engine.open("late", ANY_PORT, StreamSettings.of(G711.ULAW), TestStreams.DIRECT))
                .hasMessageContaining("closed").hasMessageContaining("late");
    }
}
