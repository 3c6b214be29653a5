package dev.switchboard.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports CPU time per operation next to JMH's wall-clock score. On a shared, oversubscribed
 * machine the wall-clock time of an operation includes the time its thread waited for a core; CPU
 * time does not, and it is what "operations per second on one core" means. Two figures, in ns/op,
 * over every operation of the iteration (per-invocation fixtures included, so for
 * {@code offerOnly} they include the teardown of the previous call):
 * <ul>
 *   <li>{@code cpu.worker}: CPU time of the JMH worker threads only, the benchmark's own cost;</li>
 *   <li>{@code cpu.process}: CPU time of the whole JVM, GC and JIT threads included (an upper
 *       bound; on a loaded machine GC threads also spin waiting for each other).</li>
 * </ul>
 *
 * <p>Use: {@code java -jar benchmarks.jar -prof dev.switchboard.bench.CpuTimeProfiler ...}
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuBefore;
    private final Map<Long, Long> workerCpu = new HashMap<>();

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerCpu.clear();
        workerCpuTime(true);
        cpuBefore = os.getProcessCpuTime();
    }

    /** The CPU time of the JMH worker threads; {@code remember} notes each one's, {@code !remember} sums the deltas. */
    private long workerCpuTime(boolean remember) {
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null || !t.getThreadName().contains("jmh-worker")) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(t.getThreadId());
            if (cpu < 0) {
                continue;
            }
            if (remember) {
                workerCpu.put(t.getThreadId(), cpu);
            } else {
                sum += cpu - workerCpu.getOrDefault(t.getThreadId(), 0L);
            }
        }
        return sum;
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's own signature uses the raw Result type
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long workers = workerCpuTime(false);
        double ops = result.getMetadata().getAllOps();
        return List.of(
                new ScalarResult("cpu.worker", ops == 0 ? Double.NaN : workers / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", ops == 0 ? Double.NaN : cpu / ops, "ns/op", AggregationPolicy.AVG));
    }
}
