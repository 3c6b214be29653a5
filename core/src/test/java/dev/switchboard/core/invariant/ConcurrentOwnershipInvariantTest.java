package dev.switchboard.core.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.EventSink;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.UnitOfWork;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The concurrent variant of {@link OwnershipInvariantWalkTest}: several threads make random
 * operations on a shared set of calls while events are delivered on a pool of threads. No model
 * can predict the interleaving, so at quiescence (every worker done, every delivery run) the test
 * checks the global invariants: handles, privileges and counts agree between every application's
 * callInfo and the operator's view (R14, R15), no call is lost (R7, R24), and every handle's events
 * came in a consistent order (OFFERING first, one DISCONNECTED, then one IDLE, nothing after; R15,
 * R24). Then it hangs everything up and deallocates, and every call must be gone (R24).
 */
class ConcurrentOwnershipInvariantTest {
    private static final int WORKERS = 6;
    private static final int OPS_PER_WORKER = 400;
    private static final int[] CALL_MEDIA = {OwnershipWalk.IV, OwnershipWalk.FAX, OwnershipWalk.DM, OwnershipWalk.AV,
        OwnershipWalk.UNK, OwnershipWalk.UNK | OwnershipWalk.FAX, OwnershipWalk.UNK | OwnershipWalk.IV | OwnershipWalk.DM,
        OwnershipWalk.VIDEO, OwnershipWalk.FAX4};
    private static final int[] SINGLE_MODES = {OwnershipWalk.IV, OwnershipWalk.FAX, OwnershipWalk.DM, OwnershipWalk.UNK,
        OwnershipWalk.AV, OwnershipWalk.FAX4};
    /**
     * Calls whose placement has returned. The simulated switch reports what the thread driving it
     * does, so two threads must not drive one call at once (the provider contract of
     * ProviderEvents): a hang-up racing the placement of the same call would reach the core before
     * the call does. Workers therefore only hang up, or detect on, calls they know are placed.
     */
    private static final Set<String> PLACED = ConcurrentHashMap.newKeySet();
    private static final Set<TapiError> EXPECTED_RACES = EnumSet.of(TapiError.INVALCALLHANDLE, TapiError.NOTOWNER,
            TapiError.INVALCALLSTATE, TapiError.OPERATIONUNAVAIL, TapiError.OPERATIONFAILED, TapiError.RESOURCEUNAVAIL,
            TapiError.UNINITIALIZED);

    static {
        java.util.logging.Logger.getLogger("dev.switchboard.core").setLevel(java.util.logging.Level.OFF);
    }

    static LongStream seeds() {
        // Fixed seeds keep the build reproducible; -Dswitchboard.walk.random=true explores new ones.
        long base = Boolean.getBoolean("switchboard.walk.random") ? new Random().nextLong() : 0x5B0A_2D00_C0C0L;
        return LongStream.range(0, 5).map(i -> base + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ownershipInvariantsHoldAtQuiescenceUnderConcurrentOperations_R7_R14_R15_R22_R23_R24(long seed)
            throws Exception {
        PLACED.clear(); // tries run one after the other; call ids start again with each switch
        QuiescentExecutor delivery = new QuiescentExecutor(4);
        SimulatedSwitch sim = new SimulatedSwitch("sim", List.of(OwnershipWalk.L1, OwnershipWalk.L2), true);
        SimulatedSwitch legacy = new SimulatedSwitch("legacy", List.of(OwnershipWalk.L3), false);
        Switchboard sb = Switchboard.builder().provider(sim).provider(legacy).deliveryExecutor(delivery)
                .lockTimeout(Duration.ofMillis(500)).build().start();
        Map<String, ApplicationSpec> specs = new HashMap<>();
        Map<String, Ledger> ledgers = new ConcurrentHashMap<>();
        Map<String, ApplicationSession> sessions = new ConcurrentHashMap<>();
        List<String> names = new ArrayList<>();
        for (ApplicationSpec spec : OwnershipWalk.specs()) {
            specs.put(spec.name(), spec);
            names.add(spec.name());
            Ledger ledger = new Ledger(spec.name(), "fax".equals(spec.name()));
            ledgers.put(spec.name(), ledger);
            sessions.put(spec.name(), sb.open(spec, ledger));
        }
        Random setup = new Random(seed);
        for (int i = 0; i < 10; i++) {
            place(sim, legacy, setup);
        }
        delivery.awaitQuiescence();

        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            Random rnd = new Random(seed * 31 + w);
            boolean closer = w == 0;
            workers.execute(() -> {
                try {
                    start.await();
                    for (int i = 0; i < OPS_PER_WORKER; i++) {
                        String outcome;
                        try {
                            outcome = randomOperation(rnd, closer, sb, sim, legacy, sessions, specs, ledgers, names);
                        } catch (SwitchboardException e) {
                            if (!EXPECTED_RACES.contains(e.error())) {
                                throw e;
                            }
                            outcome = e.error().name();
                        }
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
        }
        start.countDown();
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).as("workers finished").isTrue();
        delivery.awaitQuiescence();
        assertThat(failures).as("unexpected exceptions in workers (seed " + seed + ")").isEmpty();
        assertThat(delivery.failures).as("delivery failures").isEmpty();

        checkGlobalInvariants(sb, sim, legacy, sessions, ledgers, seed);

        // R24: the caller hangs up on every call; every handle hears DISCONNECTED then IDLE, once.
        for (String pid : sim.liveCalls()) {
            sim.hangUp(pid);
        }
        for (String pid : legacy.liveCalls()) {
            legacy.hangUp(pid);
        }
        delivery.awaitQuiescence();
        checkGlobalInvariants(sb, sim, legacy, sessions, ledgers, seed);
        for (Map.Entry<String, ApplicationSession> e : sessions.entrySet()) {
            if (e.getValue().isOpen()) {
                for (CallHandle h : e.getValue().handles()) {
                    Ledger l = ledgers.get(e.getKey());
                    assertThat(l.sawIdle(h))
                            .as("R24: %s got DISCONNECTED then IDLE on handle %s (seed %d); it got %s; callInfo %s",
                                    e.getKey(), h, seed, l.byHandle.getOrDefault(h, List.of()).stream()
                                            .map(OwnershipWalk::body).toList(), e.getValue().control().callInfo(h))
                            .isTrue();
                    e.getValue().control().deallocate(h);
                }
            }
        }
        delivery.awaitQuiescence();
        assertThat(sb.calls()).as("R24: calls are gone once every handle is deallocated (seed " + seed + ")").isEmpty();
        for (Ledger l : ledgers.values()) {
            assertThat(l.violations).as("per-handle event order of " + l.app + " (seed " + seed + ")").isEmpty();
        }
        sb.close();
        delivery.shutdown();
        assertThat(outcomes).isNotEmpty();
    }

    // ---- one random operation ----

    private static String randomOperation(Random rnd, boolean closer, Switchboard sb, SimulatedSwitch sim,
                                          SimulatedSwitch legacy, Map<String, ApplicationSession> sessions,
                                          Map<String, ApplicationSpec> specs, Map<String, Ledger> ledgers,
                                          List<String> names) {
        int kind = rnd.nextInt(100);
        if (kind < 6) {
            if (sim.liveCalls().size() + legacy.liveCalls().size() < 16) {
                place(sim, legacy, rnd);
                return "place";
            }
            kind = 6;
        }
        if (kind < 10) {
            List<String> up = placed(sim);
            List<String> upLegacy = placed(legacy);
            if (!up.isEmpty() && (upLegacy.isEmpty() || rnd.nextBoolean())) {
                sim.hangUp(up.get(rnd.nextInt(up.size())));
            } else if (!upLegacy.isEmpty()) {
                legacy.hangUp(upLegacy.get(rnd.nextInt(upLegacy.size())));
            }
            return "hangUp";
        }
        if (kind < 14) {
            List<String> up = placed(sim);
            if (!up.isEmpty()) {
                String pid = up.get(rnd.nextInt(up.size()));
                if (rnd.nextBoolean()) {
                    sim.detect(pid, MediaMode.G3FAX);
                } else {
                    sim.sendDigits(pid, "12#");
                }
            }
            return "switch";
        }
        if (closer && kind < 16) {
            String name = rnd.nextBoolean() ? "hybrid" : "voice";
            ApplicationSession s = sessions.get(name);
            if (s.isOpen()) {
                s.close();
            } else {
                sessions.put(name, sb.open(specs.get(name), ledgers.get(name)));
            }
            return "close/reopen";
        }
        String app = names.get(rnd.nextInt(names.size()));
        ApplicationSession s = sessions.get(app);
        List<CallHandle> handles = new ArrayList<>(s.handles());
        if (handles.isEmpty()) {
            return "no handle";
        }
        Collections.sort(handles, (a, b) -> a.toString().compareTo(b.toString()));
        CallHandle h = handles.get(rnd.nextInt(handles.size()));
        if (kind < 30) {
            UnitOfWork uow = sb.beginUnitOfWork(null);
            try {
                CallControl c = s.control(uow);
                int n = 1 + rnd.nextInt(2);
                for (int i = 0; i < n; i++) {
                    stagedOperation(rnd, c, h, names);
                }
                if (rnd.nextInt(3) == 0) {
                    uow.rollback();
                    return "uow rollback";
                }
                uow.commit();
                return "uow commit";
            } finally {
                uow.rollback(); // no-op once ended; ends it when commit failed at prepare
            }
        }
        if (kind < 60) {
            stagedOperation(rnd, s.control(), h, names);
            return "handoff/privilege/deallocate";
        }
        switch (rnd.nextInt(7)) {
            case 0 -> s.control().setMediaMode(h, SINGLE_MODES[rnd.nextInt(SINGLE_MODES.length)]);
            case 1 -> s.control().monitorMedia(h, rnd.nextBoolean() ? MediaMode.G3FAX.bit() : 0);
            case 2 -> s.control().monitorDigits(h, rnd.nextBoolean());
            case 3 -> s.control().answer(h);
            case 4 -> {
                if (rnd.nextInt(4) == 0) {
                    s.control().drop(h);
                }
            }
            default -> {
                CallInfo info = s.control().callInfo(h);
                assertThat(info.handle()).isEqualTo(h);
                assertThat(info.numOwners() + info.numMonitors()).as("counts include the asker").isGreaterThan(0);
                if (info.privilege() == Privilege.OWNER) {
                    assertThat(info.numOwners()).isPositive();
                } else {
                    assertThat(info.numMonitors()).isPositive();
                }
            }
        }
        return "call control";
    }

    private static void stagedOperation(Random rnd, CallControl c, CallHandle h, List<String> names) {
        switch (rnd.nextInt(6)) {
            case 0, 1 -> c.handoffToApplication(h, names.get(rnd.nextInt(names.size())));
            case 2 -> c.handoffToMediaMode(h, SINGLE_MODES[rnd.nextInt(SINGLE_MODES.length)]);
            case 3, 4 -> c.setPrivilege(h, rnd.nextBoolean() ? Privilege.OWNER : Privilege.MONITOR);
            default -> {
                if (rnd.nextInt(3) == 0) {
                    c.deallocate(h);
                } else {
                    c.setPrivilege(h, Privilege.OWNER);
                }
            }
        }
    }

    private static List<String> placed(SimulatedSwitch sw) {
        List<String> out = new ArrayList<>(sw.liveCalls());
        out.retainAll(PLACED);
        Collections.sort(out);
        return out;
    }

    private static void place(SimulatedSwitch sim, SimulatedSwitch legacy, Random rnd) {
        int line = rnd.nextInt(3);
        int media = CALL_MEDIA[rnd.nextInt(CALL_MEDIA.length)];
        if (line == 2) {
            PLACED.add(legacy.placeCall(OwnershipWalk.L3, media, "caller").simulatedCallId());
        } else {
            PLACED.add(sim.placeCall(line == 0 ? OwnershipWalk.L1 : OwnershipWalk.L2, media, "caller").simulatedCallId());
        }
    }

    // ---- the global invariants at quiescence ----

    private static void checkGlobalInvariants(Switchboard sb, SimulatedSwitch sim, SimulatedSwitch legacy,
                                              Map<String, ApplicationSession> sessions, Map<String, Ledger> ledgers,
                                              long seed) {
        String s = " (seed " + seed + ")";
        Map<String, CallView> views = new HashMap<>();
        for (CallView v : sb.calls()) {
            assertThat(views.put(v.callId(), v)).isNull();
        }
        Map<String, List<String>> owners = new HashMap<>();
        Map<String, List<String>> monitors = new HashMap<>();
        Map<String, List<CallInfo>> infos = new HashMap<>();
        for (Map.Entry<String, ApplicationSession> e : sessions.entrySet()) {
            ApplicationSession session = e.getValue();
            assertThat(sb.isOpen(e.getKey())).isEqualTo(session.isOpen());
            if (!session.isOpen()) {
                continue;
            }
            for (CallHandle h : session.handles()) {
                CallInfo info = session.control().callInfo(h);
                infos.computeIfAbsent(info.callId(), k -> new ArrayList<>()).add(info);
                (info.privilege() == Privilege.OWNER ? owners : monitors)
                        .computeIfAbsent(info.callId(), k -> new ArrayList<>()).add(e.getKey());
                assertThat(views).as("R24: a call someone holds a handle on is not gone: " + info.callId() + s)
                        .containsKey(info.callId());
                Ledger ledger = ledgers.get(e.getKey());
                CallState last = ledger.lastState(h);
                if (last != null && info.state() != CallState.IDLE && last != CallState.OFFERING) {
                    assertThat(last).as("last state event of %s on %s%s", e.getKey(), info.callId(), s)
                            .isEqualTo(info.state());
                }
                if (info.state() == CallState.IDLE) {
                    assertThat(ledger.sawIdle(h)).as("R24: %s heard IDLE on %s%s", e.getKey(), info.callId(), s)
                            .isTrue();
                }
            }
        }
        for (CallView v : views.values()) {
            String c = v.callId() + s;
            List<String> o = owners.getOrDefault(v.callId(), List.of());
            List<String> m = monitors.getOrDefault(v.callId(), List.of());
            assertThat(v.owners()).as("R15: owners of " + c).containsExactlyInAnyOrderElementsOf(o);
            assertThat(v.monitors()).as("R15: monitors of " + c).containsExactlyInAnyOrderElementsOf(m);
            for (CallInfo info : infos.getOrDefault(v.callId(), List.of())) {
                assertThat(info.numOwners()).as("R15: numOwners of " + c).isEqualTo(o.size());
                assertThat(info.numMonitors()).as("R15: numMonitors of " + c).isEqualTo(m.size());
                assertThat(info.state()).as("state of " + c).isEqualTo(v.state());
                assertThat(info.mediaModes()).as("media of " + c).isEqualTo(v.mediaModes());
            }
            if (v.state() == CallState.IDLE) {
                assertThat(o.size() + m.size()).as("R24: an IDLE call without handles is gone: " + c).isPositive();
            }
        }
        Set<String> up = new HashSet<>();
        for (CallView v : views.values()) {
            if (v.state() != CallState.IDLE) {
                up.add(v.provider() + "/" + v.providerCallId());
            }
        }
        for (String pid : sim.liveCalls()) {
            assertThat(up).as("R7: a call up at the switch is visible and not IDLE" + s).contains("sim/" + pid);
        }
        for (String pid : legacy.liveCalls()) {
            assertThat(up).as("R7: a call up at the switch is visible and not IDLE" + s).contains("legacy/" + pid);
        }
        for (Ledger l : ledgers.values()) {
            assertThat(l.violations).as("per-handle event order of " + l.app + s).isEmpty();
        }
    }

    // ---- helpers ----

    /**
     * One application's sink: checks each handle's events as they arrive (first OFFERING, or
     * DISCONNECTED when given after a hang-up; one DISCONNECTED; only IDLE after it; nothing after
     * IDLE). The fax application refuses every third ownership offer (R23).
     */
    static final class Ledger implements EventSink {
        final String app;
        final boolean refuser;
        final AtomicInteger offers = new AtomicInteger();
        final Map<CallHandle, List<CallEvent>> byHandle = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

        Ledger(String app, boolean refuser) {
            this.app = app;
            this.refuser = refuser;
        }

        @Override
        public void deliver(CallEvent event) {
            List<CallEvent> seen = byHandle.computeIfAbsent(event.handle(), k -> Collections.synchronizedList(new ArrayList<>()));
            synchronized (seen) {
                check(seen, event);
                seen.add(event);
            }
            if (refuser && event instanceof CallStateEvent cs && cs.offersOwnership() && offers.incrementAndGet() % 3 == 0) {
                throw new IllegalStateException("refused by the test (R23)");
            }
        }

        private void check(List<CallEvent> seen, CallEvent e) {
            String where = app + " " + e.handle() + " on " + e.callId() + ": " + OwnershipWalk.body(e) + " after "
                    + seen.stream().map(OwnershipWalk::body).toList();
            if (seen.isEmpty()) {
                if (!(e instanceof CallStateEvent cs
                        && (cs.state() == CallState.OFFERING || cs.state() == CallState.DISCONNECTED))) {
                    violations.add("first event is not OFFERING: " + where);
                }
            }
            boolean disconnected = false;
            for (CallEvent prev : seen) {
                if (prev instanceof CallStateEvent ps) {
                    if (ps.state() == CallState.IDLE) {
                        violations.add("event after IDLE: " + where);
                        return;
                    }
                    disconnected |= ps.state() == CallState.DISCONNECTED;
                }
            }
            if (e instanceof CallStateEvent cs) {
                if (cs.state() == CallState.IDLE && !disconnected) {
                    violations.add("IDLE without DISCONNECTED before: " + where);
                }
                if (disconnected && cs.state() != CallState.IDLE) {
                    violations.add("only IDLE may follow DISCONNECTED: " + where);
                }
            }
        }

        boolean sawIdle(CallHandle h) {
            return lastState(h) == CallState.IDLE;
        }

        CallState lastState(CallHandle h) {
            List<CallEvent> seen = byHandle.getOrDefault(h, List.of());
            synchronized (seen) {
                for (int i = seen.size() - 1; i >= 0; i--) {
                    if (seen.get(i) instanceof CallStateEvent cs) {
                        return cs.state();
                    }
                }
            }
            return null;
        }
    }

    /** A pool of delivery threads that can tell when every delivery it was given has run (no sleeping). */
    static final class QuiescentExecutor implements Executor {
        private final ExecutorService pool;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition idle = lock.newCondition();
        private int pending;
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        QuiescentExecutor(int threads) {
            pool = Executors.newFixedThreadPool(threads);
        }

        @Override
        public void execute(Runnable task) {
            lock.lock();
            try {
                pending++;
            } finally {
                lock.unlock();
            }
            pool.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    lock.lock();
                    try {
                        if (--pending == 0) {
                            idle.signalAll();
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            });
        }

        void awaitQuiescence() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            lock.lock();
            try {
                while (pending > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("deliveries did not finish: " + pending + " pending");
                    }
                    idle.awaitNanos(left);
                }
            } finally {
                lock.unlock();
            }
        }

        void shutdown() throws InterruptedException {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
