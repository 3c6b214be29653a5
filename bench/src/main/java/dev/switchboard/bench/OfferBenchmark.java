package dev.switchboard.bench;

import dev.switchboard.api.MediaMode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Offering a new call (R4, R5): the simulated switch places a voice call on a line that one owner
 * application ({@code voice}, INTERACTIVEVOICE) and three monitor applications have opened, so the
 * core makes four handles and four OFFERING events, delivered to sinks that do nothing with them.
 *
 * <p>{@code calls} other calls stay live in the background all along (each with the same four
 * handles), so the engine's maps have that size. Two ways to measure:
 * <ul>
 *   <li>{@code offerAndTeardown}: place the call, then hang it up; each application deallocates
 *       its handle when it sees IDLE (R24). One operation is the whole life of a call: four
 *       OFFERING, four DISCONNECTED and four IDLE events, four deallocations.</li>
 *   <li>{@code offerOnly}: only placing the call is timed; the previous call of the thread is hung
 *       up and deallocated in a per-invocation set-up outside the measurement. (JMH warns that
 *       per-invocation fixtures add timer overhead of some tens of ns to sub-microsecond
 *       operations; compare with {@code offerAndTeardown}.)</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OfferBenchmark {

    static final int MONITORS = 3;

    @State(Scope.Benchmark)
    public static class Line {
        @Param({"1", "100", "10000"})
        public int calls;

        Fixture fixture;
        /** Every thread's {@link Placed}, so that the calls they leave live are hung up before the check. */
        final List<Placed> placed = new CopyOnWriteArrayList<>();

        @Setup(Level.Trial)
        public void setUp() {
            fixture = new Fixture();
            BenchSink ownerSink = new BenchSink(true);
            fixture.owner("voice", ownerSink, MediaMode.INTERACTIVEVOICE);
            ownerSink.stopRecording();
            for (int m = 1; m <= MONITORS; m++) {
                BenchSink sink = new BenchSink(true);
                fixture.monitor("monitor-" + m, sink);
                sink.stopRecording();
            }
            for (int i = 0; i < calls; i++) {
                fixture.placeVoiceCall();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            // JMH runs this on the first thread past the end of the run; the others are done measuring.
            for (Placed p : placed) {
                p.hangUpPrevious(this);
            }
            int live = fixture.sim.liveCalls().size();
            int known = fixture.switchboard.calls().size();
            fixture.close();
            if (live != calls || known != calls) {
                throw new IllegalStateException("expected " + calls + " live calls after the run, the switch has "
                        + live + " and the switchboard " + known + ": teardown leaked or lost calls");
            }
        }
    }

    /**
     * The call a thread placed in its last {@code offerOnly} invocation, hung up before the next one
     * (and, after the last, by {@link Line#tearDown()}).
     */
    @State(Scope.Thread)
    public static class Placed {
        String call;

        @Setup(Level.Trial)
        public void register(Line line) {
            line.placed.add(this);
        }

        @Setup(Level.Invocation)
        public void hangUpPrevious(Line line) {
            if (call != null) {
                line.fixture.sim.hangUp(call);
                call = null;
            }
        }
    }

    static void cycle(Line line) {
        String call = line.fixture.placeVoiceCall();
        line.fixture.sim.hangUp(call);
    }

    @Benchmark
    @Threads(1)
    public void offerAndTeardown_t1(Line line) {
        cycle(line);
    }

    @Benchmark
    @Threads(2)
    public void offerAndTeardown_t2(Line line) {
        cycle(line);
    }

    @Benchmark
    @Threads(1)
    public String offerOnly_t1(Line line, Placed placed) {
        return placed.call = line.fixture.placeVoiceCall();
    }

    @Benchmark
    @Threads(2)
    public String offerOnly_t2(Line line, Placed placed) {
        return placed.call = line.fixture.placeVoiceCall();
    }
}
