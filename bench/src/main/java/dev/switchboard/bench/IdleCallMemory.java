package dev.switchboard.bench;

import dev.switchboard.api.MediaMode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory retained per idle call: N live calls, each with one OWNER handle (application
 * {@code voice}) and one MONITOR handle (application {@code monitor}), nothing happening on them.
 *
 * <p>Measured two ways: JOL's {@link GraphLayout} of everything reachable from the switchboard
 * (its calls, the line provider's bookkeeping, the applications' handle maps) with N calls, minus
 * the same with none; and, as a cross-check, the heap in use after full GCs before and after
 * placing the calls. Not a JMH benchmark; run it with
 * {@code java -Djdk.attach.allowAttachSelf=true -cp bench/target/benchmarks.jar
 * dev.switchboard.bench.IdleCallMemory [N]}.
 */
public final class IdleCallMemory {
    private IdleCallMemory() {
    }

    public static void main(String[] args) {
        // The core has records (ApplicationSpec), whose field offsets Unsafe will not give; JOL then needs this.
        if (System.getProperty("jol.magicFieldOffset") == null) {
            System.setProperty("jol.magicFieldOffset", "true");
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (Fixture fixture = new Fixture()) {
            BenchSink ownerSink = new BenchSink(false);
            BenchSink monitorSink = new BenchSink(false);
            fixture.owner("voice", ownerSink, MediaMode.INTERACTIVEVOICE);
            fixture.monitor("monitor", monitorSink);
            ownerSink.stopRecording();
            monitorSink.stopRecording();

            // Warm up the lazily built parts (priority orders, class loading) on one call, then drop it.
            fixture.sim.hangUp(fixture.placeVoiceCall());

            GraphLayout empty = GraphLayout.parseInstance(fixture.switchboard); // held in both heap readings
            long heapBefore = usedHeapAfterGc();
            for (int i = 0; i < n; i++) {
                fixture.placeVoiceCall();
            }
            long heapAfter = usedHeapAfterGc();
            GraphLayout full = GraphLayout.parseInstance(fixture.switchboard);

            if (fixture.switchboard.calls().size() != n + 1) { // the warm-up call is IDLE but not deallocated
                throw new IllegalStateException("expected " + (n + 1) + " calls, have "
                        + fixture.switchboard.calls().size());
            }
            long graphDelta = full.totalSize() - empty.totalSize();
            long heapDelta = heapAfter - heapBefore;
            System.out.printf("JVM %s, %s%n", System.getProperty("java.vm.version"),
                    org.openjdk.jol.vm.VM.current().details().lines().findFirst().orElse(""));
            System.out.printf("idle calls: %,d (one OWNER and one MONITOR handle each)%n", n);
            System.out.printf("JOL graph from the switchboard: %,d bytes with the calls, %,d without%n",
                    full.totalSize(), empty.totalSize());
            System.out.printf("JOL retained per idle call: %,.1f bytes (%,.1f objects)%n",
                    (double) graphDelta / n, (double) (full.totalCount() - empty.totalCount()) / n);
            System.out.printf("heap-after-GC delta per idle call: %,.1f bytes%n", (double) heapDelta / n);
            System.out.println();
            System.out.println("Per-class footprint of the calls (graph with calls minus graph without):");
            System.out.println(full.subtract(empty).toFootprint());
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
