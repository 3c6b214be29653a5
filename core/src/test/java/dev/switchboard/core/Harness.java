package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.SimulatedSwitch;
import dev.switchboard.core.spi.LineProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A started switchboard with a simulated switch on lines L1 and L2 (and whatever else the test
 * adds), plus helpers to open applications and place calls with little ceremony.
 */
final class Harness implements AutoCloseable {
    static final String L1 = "L1";
    static final String L2 = "L2";

    final SimulatedSwitch sim;
    final Switchboard sb;
    /** The test's time, when the harness was built with {@link Builder#manualTime}. */
    ManualTime time;
    private final List<Party> parties = new ArrayList<>();

    private Harness(SimulatedSwitch sim, Switchboard sb) {
        this.sim = sim;
        this.sb = sb;
    }

    static Harness start() {
        return builder().start();
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final List<LineProvider> others = new ArrayList<>();
        private final Switchboard.Builder b = Switchboard.builder();
        private Clock simClock = Clock.systemUTC();
        private ManualTime time;

        Builder provider(LineProvider p) {
            others.add(p);
            return this;
        }

        /**
         * Time passes only by {@code t.advance}: the switchboard's timeouts and clock and the simulated
         * switch's media all use it, and provider tasks run on the thread that advances it.
         */
        Builder manualTime(ManualTime t) {
            this.time = t;
            this.simClock = t.clock();
            b.providerThreads(Runnable::run, java.util.concurrent.ForkJoinPool.commonPool(), t).clock(t.clock());
            return this;
        }

        Builder lockTimeout(Duration d) {
            b.lockTimeout(d);
            return this;
        }

        Builder deliveryExecutor(Executor e) {
            b.deliveryExecutor(e);
            return this;
        }

        Builder clock(Clock c) {
            b.clock(c);
            return this;
        }

        Builder with(Consumer<Switchboard.Builder> c) {
            c.accept(b);
            return this;
        }

        Harness start() {
            SimulatedSwitch sim = new SimulatedSwitch("sim", List.of(L1, L2), true, simClock);
            b.provider(sim);
            others.forEach(b::provider);
            Harness h = new Harness(sim, b.build().start());
            h.time = time;
            return h;
        }
    }

    // ---- applications ----

    /** An owner of {@code modes} on L1, each at declared priority 1. */
    Party owner(String name, MediaMode... modes) {
        return open(ApplicationSpec.owner(name, Set.of(L1), modes));
    }

    /** An owner of one mode on L1 at the given declared priority. */
    Party owner(String name, MediaMode mode, int priority) {
        return open(new ApplicationSpec(name, Set.of(L1), EnumSet.of(Privilege.OWNER), Map.of(mode, priority)));
    }

    /** An application that opened L1 as OWNER of {@code modes} and as MONITOR. */
    Party ownerAndMonitor(String name, MediaMode... modes) {
        Map<MediaMode, Integer> p = new EnumMap<>(MediaMode.class);
        for (MediaMode m : modes) {
            p.put(m, 1);
        }
        return open(new ApplicationSpec(name, Set.of(L1), EnumSet.of(Privilege.OWNER, Privilege.MONITOR), p));
    }

    /** A monitor of L1. */
    Party monitor(String name) {
        return open(ApplicationSpec.monitor(name, Set.of(L1)));
    }

    Party open(ApplicationSpec spec) {
        return open(spec, new RecordingSink(spec.name()));
    }

    Party open(ApplicationSpec spec, RecordingSink sink) {
        Party p = new Party(spec.name(), sb.open(spec, sink), sink);
        parties.add(p);
        return p;
    }

    // ---- calls ----

    /** A call on L1 with these modes. */
    TestCall place(MediaMode... modes) {
        return place(L1, MediaMode.mask(modes));
    }

    TestCall place(String line, int mediaModes) {
        return TestCall.of(sim.placeCall(line, mediaModes, "+15550100"));
    }

    CallView view(TestCall call) {
        return sb.call(call.id()).orElseThrow(() -> new AssertionError("call " + call + " is gone"));
    }

    void hangUp(TestCall call) {
        sim.hangUp(call.simId());
    }

    /** Forgets every event recorded so far, to look at what comes next. */
    void clearEvents() {
        for (Party p : parties) {
            p.sink.clear();
        }
    }

    @Override
    public void close() {
        sb.close();
    }

    /** A call placed on the simulated switch: its switch id and the switchboard's call id. */
    record TestCall(String simId, String id) {
        static TestCall of(SimulatedCall placed) {
            return new TestCall(placed.simulatedCallId(), placed.callId());
        }

    }

    /** One open application: its session and the events it received. */
    static final class Party {
        final String name;
        final ApplicationSession session;
        final RecordingSink sink;

        Party(String name, ApplicationSession session, RecordingSink sink) {
            this.name = name;
            this.session = session;
            this.sink = sink;
        }

        /** The handle this application was told about for {@code call}; fails when it has none. */
        CallHandle handle(TestCall call) {
            CallHandle h = sink.lastHandle(call.id());
            assertThat(h).as("%s's handle to %s", name, call).isNotNull();
            return h;
        }

        CallInfo info(TestCall call) {
            return session.control().callInfo(handle(call));
        }

        List<String> events(TestCall call) {
            return sink.describe(call.id());
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
