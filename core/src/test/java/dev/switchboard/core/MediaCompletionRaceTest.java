package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R28 under contention: on many calls at once, the caller hangs up, the owner stops the media,
 * digits arrive and timeouts fall due, all racing each other on real threads and the real timer;
 * every operation that started still ends with exactly one completion.
 */
class MediaCompletionRaceTest {
    private static final int CALLS = 150;

    @TempDir
    Path dir;

    @Test
    void everyOperationEndsOnceWhateverRacesToEndIt_R28() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (Harness h = Harness.start()) {
            Party voice = h.owner("voice", INTERACTIVEVOICE);
            CallControl c = voice.session.control();
            List<String> ops = new ArrayList<>();
            List<TestCall> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                TestCall call = h.place(INTERACTIVEVOICE);
                CallHandle ch = voice.handle(call);
                c.answer(ch);
                Tone shortTone = Tone.custom(Duration.ofMillis(1 + i % 5), Duration.ofMillis(1), Duration.ZERO, 440);
                ops.add(c.generateTone(ch, shortTone));
                ops.add(i % 2 == 0
                        ? c.gatherDigits(ch, GatherRequest.digits(2).withFirstDigitTimeout(Duration.ofMillis(1 + i % 3)))
                        : c.record(ch, RecordRequest.to(dir.resolve("r" + i + ".wav")).withMaxDuration(Duration.ofMillis(5))));
                calls.add(call);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> racers = new ArrayList<>();
            for (TestCall call : calls) {
                CallHandle ch = voice.handle(call);
                racers.add(CompletableFuture.runAsync(() -> { waitFor(go); h.sim.hangUp(call.simId()); }, threads));
                racers.add(CompletableFuture.runAsync(() -> { waitFor(go); quietly(() -> c.stopMedia(ch)); }, threads));
                racers.add(CompletableFuture.runAsync(() -> { waitFor(go); quietly(() -> h.sim.sendDigits(call.simId(), "12")); },
                        threads));
            }
            go.countDown();
            CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).join();

            await().atMost(Duration.ofSeconds(20)).until(() -> completedOps(voice).size() >= ops.size());
            Map<String, Integer> counts = completedOps(voice);
            for (String op : ops) {
                assertThat(counts.get(op)).as("completions of %s", op).isEqualTo(1);
            }
            assertThat(counts).hasSize(ops.size());
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<String, Integer> completedOps(Party p) {
        Map<String, Integer> counts = new HashMap<>();
        for (var e : p.sink.all()) {
            if (e instanceof MediaCompletedEvent m) {
                counts.merge(m.operationId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (SwitchboardException | IllegalStateException e) {
            // the call may already be gone for this racer: that is the race
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
