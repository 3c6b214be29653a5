package dev.switchboard.bench;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.core.ApplicationSession;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Two owner applications hand calls back and forth; each operation is one handoff, including the
 * OFFERING event it sends to the target and its delivery to a no-op sink.
 *
 * <p>Application {@code voice} owns INTERACTIVEVOICE, {@code fax} owns G3FAX. Each of the
 * {@code calls} live calls is first offered to {@code voice} and handed once to {@code fax} during
 * set-up, so both hold OWNER handles (R12: a handoff does not demote the caller). From then on each
 * operation is a handoff between the two, in alternating directions, on the next call round-robin.
 * Per R11 a successful handoff to another application sends it an OFFERING event; since owner and
 * monitor counts do not change (both already own the call), no call-info event follows (R15).
 *
 * <p>With two threads each thread starts its round-robin at a different call; with one live call
 * both threads contend for that call's lock.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandoffBenchmark {

    /** The switchboard, the two owner applications and their handles on every live call. */
    @State(Scope.Benchmark)
    public static class Calls {
        @Param({"1", "100", "10000"})
        public int calls;

        Fixture fixture;
        ApplicationSession voice;
        ApplicationSession fax;
        CallHandle[] voiceHandles;
        CallHandle[] faxHandles;

        @Setup(Level.Trial)
        public void setUp() {
            fixture = new Fixture();
            BenchSink voiceSink = new BenchSink(false);
            BenchSink faxSink = new BenchSink(false);
            voice = fixture.owner("voice", voiceSink, MediaMode.INTERACTIVEVOICE);
            fax = fixture.owner("fax", faxSink, MediaMode.G3FAX);
            voiceHandles = new CallHandle[calls];
            faxHandles = new CallHandle[calls];
            for (int i = 0; i < calls; i++) {
                fixture.placeVoiceCall();
                voiceHandles[i] = voiceSink.takeLastOffered();
                expect(voice.control().handoffToApplication(voiceHandles[i], "fax"));
                faxHandles[i] = faxSink.takeLastOffered();
            }
            voiceSink.stopRecording();
            faxSink.stopRecording();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            fixture.close();
        }
    }

    /** One thread's round-robin position and direction. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        boolean toFax;

        @Setup(Level.Trial)
        public void setUp(Calls calls, ThreadParams thread) {
            next = (int) ((long) calls.calls * thread.getThreadIndex() / thread.getThreadCount());
            toFax = true;
        }

        /** The index of the call to act on; after each round over the calls the direction switches. */
        int advance(int calls) {
            int i = next;
            if (++next == calls) {
                next = 0;
                toFax = !toFax;
            }
            return i;
        }
    }

    static HandoffResult expect(HandoffResult r) {
        if (r != HandoffResult.SUCCESS) {
            throw new IllegalStateException("handoff gave " + r);
        }
        return r;
    }

    static HandoffResult directed(Calls c, Cursor cur) {
        boolean toFax = cur.toFax;
        int i = cur.advance(c.calls);
        return expect(toFax
                ? c.voice.control().handoffToApplication(c.voiceHandles[i], "fax")
                : c.fax.control().handoffToApplication(c.faxHandles[i], "voice"));
    }

    static HandoffResult byMediaMode(Calls c, Cursor cur) {
        boolean toFax = cur.toFax;
        int i = cur.advance(c.calls);
        return expect(toFax
                ? c.voice.control().handoffToMediaMode(c.voiceHandles[i], Fixture.FAX)
                : c.fax.control().handoffToMediaMode(c.faxHandles[i], Fixture.VOICE));
    }

    /** Directed handoff (R9), one thread. */
    @Benchmark
    @Threads(1)
    public HandoffResult directed_t1(Calls c, Cursor cur) {
        return directed(c, cur);
    }

    /** Directed handoff (R9), two threads on the same switchboard. */
    @Benchmark
    @Threads(2)
    public HandoffResult directed_t2(Calls c, Cursor cur) {
        return directed(c, cur);
    }

    /** Media-mode handoff (R10): voice hands by G3FAX, fax hands back by INTERACTIVEVOICE; one thread. */
    @Benchmark
    @Threads(1)
    public HandoffResult mediaMode_t1(Calls c, Cursor cur) {
        return byMediaMode(c, cur);
    }

    /** Media-mode handoff (R10), two threads on the same switchboard. */
    @Benchmark
    @Threads(2)
    public HandoffResult mediaMode_t2(Calls c, Cursor cur) {
        return byMediaMode(c, cur);
    }
}
