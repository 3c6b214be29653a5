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
import dev.switchboard.api.event.CallInfoEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.EventSink;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.UnitOfWork;
import dev.switchboard.core.invariant.RefModel.Exp;
import dev.switchboard.core.invariant.RefModel.RApp;
import dev.switchboard.core.invariant.RefModel.RCall;
import dev.switchboard.core.invariant.RefModel.RHandle;
import dev.switchboard.core.invariant.RefModel.ROp;
import dev.switchboard.core.invariant.RefModel.RefFail;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The state of one random walk: a real switchboard (two simulated switches, one of them without
 * handoff) with six applications, and the {@link RefModel} kept beside it. Each step applies one
 * operation to both, compares the outcome (result or TAPI error), the events every application
 * got, and then the whole visible state ({@link #checkInvariants()}).
 *
 * <p>Steps take a few integers and interpret them modulo what exists, so any sequence of steps is
 * valid and a failing walk replays from its seed.
 */
final class OwnershipWalk implements AutoCloseable {
    /** Keeps the core's logger quiet (refused offers and unowned calls are logged as warnings). */
    private static final Logger CORE_LOG = Logger.getLogger("dev.switchboard.core");

    static {
        CORE_LOG.setLevel(Level.OFF);
    }

    static final String L1 = "L1";
    static final String L2 = "L2";
    static final String L3 = "L3";
    static final List<String> LINES = List.of(L1, L2, L3);

    static final int IV = MediaMode.INTERACTIVEVOICE.bit();
    static final int AV = MediaMode.AUTOMATEDVOICE.bit();
    static final int DM = MediaMode.DATAMODEM.bit();
    static final int FAX = MediaMode.G3FAX.bit();
    static final int FAX4 = MediaMode.G4FAX.bit();
    static final int TDD = MediaMode.TDD.bit();
    static final int VIDEO = MediaMode.VIDEO.bit();
    static final int UNK = MediaMode.UNKNOWN.bit();

    /** Media masks of new calls: single modes (some nobody owns), UNKNOWN alone and with candidates. */
    static final int[] CALL_MEDIA = {IV, IV, AV, DM, FAX, FAX, FAX4, TDD, VIDEO, UNK, UNK | FAX, UNK | IV | FAX,
        UNK | TDD | DM, UNK | VIDEO, UNK | FAX4 | IV, UNK | DM, IV | FAX, 0, 0x1, 0x10000};
    /** Arguments of media-mode handoffs: single modes, and invalid ones (none, several, not a mode). */
    static final int[] HANDOFF_MODES = {IV, AV, DM, FAX, FAX4, TDD, VIDEO, UNK, IV, FAX, DM, 0, IV | FAX, UNK | FAX, 0x1,
        0x20000};
    /** Arguments of setMediaMode (R16): single, several with UNKNOWN, several without, invalid. */
    static final int[] SET_MODES = {IV, FAX, DM, AV, UNK, UNK | FAX, UNK | IV | DM, IV | FAX, 0, 0x1, FAX4, VIDEO};
    static final int[] MONITOR_MODES = {0, FAX, FAX | IV, ALL(), DM, 0x1, FAX4 | VIDEO};
    static final MediaMode[] DETECT = {MediaMode.G3FAX, MediaMode.INTERACTIVEVOICE, MediaMode.DATAMODEM,
        MediaMode.VIDEO, MediaMode.G4FAX};
    static final MediaMode[] ADMIN_MODES = {MediaMode.INTERACTIVEVOICE, MediaMode.G3FAX, MediaMode.UNKNOWN,
        MediaMode.DATAMODEM, MediaMode.AUTOMATEDVOICE};
    static final MediaMode[] CHECKED_MODES = {MediaMode.UNKNOWN, MediaMode.INTERACTIVEVOICE, MediaMode.AUTOMATEDVOICE,
        MediaMode.DATAMODEM, MediaMode.G3FAX, MediaMode.G4FAX, MediaMode.TDD, MediaMode.VIDEO};

    private static int ALL() {
        return MediaMode.ALL_BITS;
    }

    /** The applications: owners with different declared priorities, a prober, two monitors, one owner+monitor. */
    static List<ApplicationSpec> specs() {
        return List.of(
                new ApplicationSpec("voice", Set.of(ApplicationSpec.ALL_LINES), EnumSet.of(Privilege.OWNER),
                        Map.of(MediaMode.INTERACTIVEVOICE, 1, MediaMode.AUTOMATEDVOICE, 2)),
                new ApplicationSpec("fax", Set.of(L1, L3), EnumSet.of(Privilege.OWNER),
                        Map.of(MediaMode.G3FAX, 1, MediaMode.G4FAX, 1, MediaMode.INTERACTIVEVOICE, 2)),
                new ApplicationSpec("prober", Set.of(L1, L2), EnumSet.of(Privilege.OWNER),
                        Map.of(MediaMode.UNKNOWN, 1)),
                new ApplicationSpec("hybrid", Set.of(ApplicationSpec.ALL_LINES),
                        EnumSet.of(Privilege.OWNER, Privilege.MONITOR),
                        Map.of(MediaMode.DATAMODEM, 1, MediaMode.G3FAX, 2, MediaMode.INTERACTIVEVOICE, 2)),
                ApplicationSpec.monitor("mon1", Set.of(ApplicationSpec.ALL_LINES)),
                ApplicationSpec.monitor("mon2", Set.of(L2, L3)));
    }

    /** Records what one application gets; refuses ownership offers while told to (R23). */
    static final class Recorder implements EventSink {
        final List<CallEvent> events = new ArrayList<>();
        volatile boolean refusing;

        @Override
        public synchronized void deliver(CallEvent event) {
            events.add(event);
            if (refusing && event instanceof CallStateEvent cs && cs.offersOwnership()) {
                throw new IllegalStateException("test application refuses the call (R23)");
            }
        }

        synchronized List<CallEvent> drain() {
            List<CallEvent> out = new ArrayList<>(events);
            events.clear();
            return out;
        }
    }

    /** What the test knows of one handle from the events it got, for R24's DISCONNECTED-then-IDLE ledger. */
    private static final class Ledger {
        int events;
        boolean disconnected;
        boolean idle;
    }

    final SimulatedSwitch sim = new SimulatedSwitch("sim", List.of(L1, L2), true);
    final SimulatedSwitch legacy = new SimulatedSwitch("legacy", List.of(L3), false);
    final Switchboard sb;
    final RefModel ref = new RefModel();
    final Map<String, ApplicationSession> sessions = new LinkedHashMap<>();
    final Map<String, List<ApplicationSession>> closedSessions = new HashMap<>();
    final Map<String, Recorder> recorders = new LinkedHashMap<>();
    final List<String> names = new ArrayList<>();
    final List<RCall> calls = new ArrayList<>();
    private final Set<CallHandle> bound = new HashSet<>();
    private final Map<CallHandle, Ledger> ledgers = new HashMap<>();
    private final Deque<String> trace = new ArrayDeque<>();
    private int steps;
    /** Counts of what the walk did, for the summary. */
    final Map<String, Integer> stats = new TreeMap<>();

    OwnershipWalk() {
        sb = Switchboard.builder().provider(sim).provider(legacy).lockTimeout(Duration.ofSeconds(3)).build().start();
        for (ApplicationSpec spec : specs()) {
            RApp a = new RApp(spec);
            ref.apps.put(spec.name(), a);
            names.add(spec.name());
            Recorder r = new Recorder();
            recorders.put(spec.name(), r);
            sessions.put(spec.name(), sb.open(spec, r));
            ref.opened(a);
        }
    }

    @Override
    public void close() {
        sb.close();
    }

    @Override
    public String toString() {
        return "OwnershipWalk[" + steps + " steps, " + calls.size() + " calls, " + stats + "]";
    }

    // ---- the steps ----

    /** Runs one step and checks its outcome and events; the trace names it when anything fails. */
    void step(String kind, List<Integer> p) {
        steps++;
        String label = kind + p;
        trace.addLast(label);
        if (trace.size() > 40) {
            trace.removeFirst();
        }
        stats.merge(kind, 1, Integer::sum);
        try {
            List<Exp> out = new ArrayList<>();
            switch (kind) {
                case "place" -> place(p, out);
                case "handoffByName", "handoffByMode", "setPrivilege", "deallocate", "setMediaMode", "monitorMedia",
                     "monitorDigits", "answer", "drop" -> handleOp(kind, p, out);
                case "detect" -> detect(p, out);
                case "digits" -> digits(p, out);
                case "hangUp" -> hangUp(p, out);
                case "cleanUpIdle" -> cleanUpIdle(p, out);
                case "adminList" -> adminList(p);
                case "appPriority" -> appPriority(p);
                case "unitOfWork" -> unitOfWork(p, out);
                case "closeApp" -> closeApp(p, out);
                case "reopenApp" -> reopenApp(p);
                case "assignOwner" -> assignOwner(p, out);
                case "operatorDrop" -> operatorDrop(p, out);
                case "toggleRefusal" -> toggleRefusal(p);
                default -> throw new IllegalArgumentException(kind);
            }
            settle(out, true);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("step " + steps + " " + label + " failed: " + e.getMessage() + "\nlast steps:\n  "
                    + String.join("\n  ", trace) + "\nmodel calls: " + liveCalls(), e);
        }
    }

    private void place(List<Integer> p, List<Exp> out) {
        if (liveCalls().size() >= 14) {
            hangUp(p, out);
            return;
        }
        String line = LINES.get(p.get(0) % LINES.size());
        int media = CALL_MEDIA[p.get(1) % CALL_MEDIA.length];
        SimulatedSwitch sw = L3.equals(line) ? legacy : sim;
        trace.add("  -> place on " + line + " " + MediaMode.describe(media));
        if (!MediaMode.isValidMask(media)) {
            Set<String> before = sw.liveCalls();
            assertThatThrownBy(() -> sw.placeCall(line, media, "caller"), TapiError.INVALMEDIAMODE, null);
            assertThat(sw.liveCalls()).isEqualTo(before);
            return;
        }
        SimulatedCall placed = sw.placeCall(line, media, "caller-" + steps);
        String pid = placed.simulatedCallId();
        RCall c = new RCall(calls.size(), line, sw == sim, sw.name(), pid, media);
        calls.add(c);
        c.callId = placed.callId();
        assertThat(sb.calls().stream().anyMatch(v -> v.callId().equals(placed.callId())
                && v.providerCallId().equals(pid) && v.provider().equals(sw.name())))
                .as("R7: new call " + pid + " is visible in calls()").isTrue();
        ref.offerNewCall(c, out);
        ref.refusals(out, 0);
    }

    /** An operation through an application's handle: valid, or (sometimes) stale, foreign, made up or null. */
    private void handleOp(String kind, List<Integer> p, List<Exp> out) {
        Pick pick = pick(kind, p.get(0), p.get(1), p.get(2));
        RApp a = pick.app;
        CallHandle ch = pick.handle;
        OpSpec op = opFor(kind, ch, p.get(3));
        trace.add("  -> " + a.name + " " + op.label + " on " + describeHandle(ch));
        int from = out.size();
        expectSame(a, op.label, () -> refLive(a, ch, op.ref, out, from), () -> op.sut.apply(sessions.get(a.name).control()));
    }

    private record OpSpec(String label, ROp ref, Function<CallControl, Object> sut) {
    }

    private OpSpec opFor(String kind, CallHandle ch, int q) {
        switch (kind) {
            case "handoffByName" -> {
                List<String> targets = new ArrayList<>(names);
                targets.add("ghost");
                targets.add("");
                targets.add(null);
                List<String> owners = List.of("voice", "fax", "prober", "hybrid");
                String t = q % 10 < 7 ? owners.get(q / 10 % owners.size()) : targets.get(q % targets.size());
                return new OpSpec("handoffToApplication(" + t + ")",
                        (c, actor, o) -> ref.handoffToApplication(c, actor, ch, t, o),
                        s -> s.handoffToApplication(ch, t));
            }
            case "handoffByMode" -> {
                int m = HANDOFF_MODES[q % HANDOFF_MODES.length];
                return new OpSpec("handoffToMediaMode(" + MediaMode.describe(m) + ")",
                        (c, actor, o) -> ref.handoffToMediaMode(c, actor, ch, m, o),
                        s -> s.handoffToMediaMode(ch, m));
            }
            case "setPrivilege" -> {
                RHandle current = handleById(ch);
                Privilege pr = q % 9 == 8 ? null
                        : current != null && q % 9 < 6 ? (current.priv == Privilege.OWNER ? Privilege.MONITOR : Privilege.OWNER)
                        : q % 2 == 0 ? Privilege.MONITOR : Privilege.OWNER;
                return new OpSpec("setPrivilege(" + pr + ")", (c, actor, o) -> ref.setPrivilege(c, actor, ch, pr, o),
                        s -> {
                            s.setPrivilege(ch, pr);
                            return null;
                        });
            }
            case "deallocate" -> {
                return new OpSpec("deallocate", (c, actor, o) -> ref.deallocate(c, actor, ch, o), s -> {
                    s.deallocate(ch);
                    return null;
                });
            }
            case "setMediaMode" -> {
                int m = SET_MODES[q % SET_MODES.length];
                return new OpSpec("setMediaMode(" + MediaMode.describe(m) + ")",
                        (c, actor, o) -> ref.setMediaMode(c, actor, ch, m, o), s -> {
                            s.setMediaMode(ch, m);
                            return null;
                        });
            }
            case "monitorMedia" -> {
                int m = MONITOR_MODES[q % MONITOR_MODES.length];
                return new OpSpec("monitorMedia(" + MediaMode.describe(m) + ")",
                        (c, actor, o) -> ref.monitorMedia(c, actor, ch, m, o), s -> {
                            s.monitorMedia(ch, m);
                            return null;
                        });
            }
            case "monitorDigits" -> {
                boolean on = q % 4 != 0;
                return new OpSpec("monitorDigits(" + on + ")", (c, actor, o) -> ref.monitorDigits(c, actor, ch, on, o),
                        s -> {
                            s.monitorDigits(ch, on);
                            return null;
                        });
            }
            case "answer" -> {
                return new OpSpec("answer", (c, actor, o) -> ref.answer(c, actor, ch, o), s -> {
                    s.answer(ch);
                    return null;
                });
            }
            case "drop" -> {
                return new OpSpec("drop", (c, actor, o) -> ref.drop(c, actor, ch, o), s -> {
                    s.drop(ch);
                    return null;
                });
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** The model's outcome of a live operation: UNINITIALIZED for a closed application, INVALCALLHANDLE for a handle it does not hold. */
    private Object refLive(RApp a, CallHandle ch, ROp op, List<Exp> out, int from) {
        if (!a.open) {
            throw new RefFail(TapiError.UNINITIALIZED, "closed");
        }
        RCall c = callOf(a.name, ch);
        if (c == null) {
            throw new RefFail(TapiError.INVALCALLHANDLE, "not held");
        }
        Object r = op.apply(c, a.name, out);
        ref.refusals(out, from);
        return r;
    }

    private void detect(List<Integer> p, List<Exp> out) {
        RCall c = anyCall(p.get(0));
        if (c == null) {
            return;
        }
        MediaMode m = DETECT[p.get(1) % DETECT.length];
        trace.add("  -> detect " + m + " on " + c);
        switchOf(c).detect(c.pid, m);
        ref.detected(c, m, out);
    }

    private void digits(List<Integer> p, List<Exp> out) {
        RCall c = anyCall(p.get(0));
        if (c == null) {
            return;
        }
        String all = "0123456789*#ABCD";
        String d = "" + all.charAt(p.get(1) % all.length()) + all.charAt(p.get(2) % all.length());
        trace.add("  -> digits " + d + " on " + c);
        switchOf(c).sendDigits(c.pid, d);
        for (char ch : d.toCharArray()) {
            ref.digit(c, ch, out);
        }
    }

    private void hangUp(List<Integer> p, List<Exp> out) {
        List<RCall> up = calls.stream().filter(c -> c.providerLive).toList();
        if (up.isEmpty()) {
            return;
        }
        RCall c = up.get(p.get(0) % up.size());
        trace.add("  -> hang up " + c);
        switchOf(c).hangUp(c.pid);
        ref.hangUp(c, out);
    }

    /** An application deallocates every handle it holds on IDLE calls (so that calls go, R24). */
    private void cleanUpIdle(List<Integer> p, List<Exp> out) {
        RApp a = app(p.get(0));
        if (!a.open) {
            return;
        }
        for (RCall c : liveCalls()) {
            RHandle h = c.handleOf(a.name);
            if (h != null && h.id != null && c.state == CallState.IDLE) {
                CallHandle ch = h.id;
                int from = out.size();
                expectSame(a, "deallocate", () -> refLive(a, ch, (cc, actor, o) -> ref.deallocate(cc, actor, ch, o), out,
                        from), () -> {
                            sessions.get(a.name).control().deallocate(ch);
                            return null;
                        });
            }
        }
    }

    /** The administrator replaces a mode's list (R1); sometimes with an invalid list, which changes nothing. */
    private void adminList(List<Integer> p) {
        MediaMode mode = ADMIN_MODES[p.get(0) % ADMIN_MODES.length];
        List<String> pool = new ArrayList<>(names);
        pool.add("ghost");
        List<String> list = new ArrayList<>();
        int bits = p.get(1);
        for (int i = 0; i < pool.size(); i++) {
            if ((bits >> i & 1) == 1) {
                list.add(pool.get(i));
            }
        }
        java.util.Collections.rotate(list, p.get(2) % (list.size() + 1));
        int variant = p.get(3) % 10;
        if (variant == 0 && !list.isEmpty()) {
            list.add(list.get(0)); // twice: invalid
        } else if (variant == 1) {
            list.add(" "); // blank: invalid
        }
        trace.add("  -> admin list " + mode + " := " + list);
        boolean valid = variant > 1 || list.isEmpty();
        if (valid) {
            sb.priorityLists().setList(mode, list);
            if (list.isEmpty()) {
                ref.admin.remove(mode);
            } else {
                ref.admin.put(mode, List.copyOf(list));
            }
        } else {
            Map<MediaMode, List<String>> before = sb.priorityLists().all();
            if (variant == 1) { // R2, R3: a name the store cannot keep is INVALAPPNAME
                assertThatThrownBy(() -> sb.priorityLists().setList(mode, list), TapiError.INVALAPPNAME, null);
            } else {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> sb.priorityLists().setList(mode, list))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(sb.priorityLists().all()).isEqualTo(before);
        }
    }

    /** R2: an application puts itself first (1) or takes itself out (0); anything else is INVALPARAM. */
    private void appPriority(List<Integer> p) {
        RApp a = app(p.get(0));
        if (!a.open) {
            return;
        }
        MediaMode mode = ADMIN_MODES[p.get(1) % ADMIN_MODES.length];
        int[] prios = {1, 0, 1, 0, 2, -1};
        int prio = prios[p.get(2) % prios.length];
        trace.add("  -> " + a.name + " setAppPriority(" + mode + ", " + prio + ")");
        expectSame(a, "setAppPriority", () -> {
            switch (prio) {
                case 1 -> ref.adminInsertFirst(mode, a.name);
                case 0 -> ref.adminRemove(mode, a.name);
                default -> throw new RefFail(TapiError.INVALPARAM, "priority " + prio);
            }
            return null;
        }, () -> {
            sessions.get(a.name).setAppPriority(mode, prio);
            return null;
        });
        List<String> l = ref.admin.getOrDefault(mode, List.of());
        assertThat(sessions.get(a.name).getAppPriority(mode)).as("R2 position").isEqualTo(l.indexOf(a.name) + 1);
    }

    /** A staged operation and what it decided: its result and, for a handoff, the application it reached. */
    private record Staged(RApp app, String label, ROp op, Object decided, String target) {
    }

    /**
     * R21, R22: up to four staged handoffs, privilege changes and deallocations, by any applications,
     * in one unit of work; sometimes the line provider or an application closing interferes; then
     * commit (prepare fails when a decision no longer holds) or roll back.
     */
    private void unitOfWork(List<Integer> p, List<Exp> out) {
        UnitOfWork uow = sb.beginUnitOfWork(null);
        Map<RCall, List<Staged>> staged = new LinkedHashMap<>();
        String[] kinds = {"handoffByName", "handoffByMode", "setPrivilege", "deallocate"};
        int n = 1 + p.get(0) % 4;
        int r = p.get(1);
        for (int i = 0; i < n; i++) {
            int x = r * 31 + i * 17 + p.get(2);
            String kind = kinds[(x / 11 + i) % kinds.length];
            Pick pick = pick(kind, x + i, x / 7, x / 3 + i);
            RApp a = pick.app;
            CallHandle ch = pick.handle;
            OpSpec op = opFor(kind, ch, x / 13 + p.get(3));
            trace.add("  -> uow: " + a.name + " " + op.label + " on " + describeHandle(ch));
            CallControl control = sessions.get(a.name).control(uow);
            expectSame(a, "staged " + op.label, () -> {
                if (!a.open) {
                    throw new RefFail(TapiError.UNINITIALIZED, "closed");
                }
                RCall c = callOf(a.name, ch);
                if (c == null) {
                    throw new RefFail(TapiError.INVALCALLHANDLE, "not held");
                }
                RCall view = replay(c, staged.getOrDefault(c, List.of()));
                if (view == null) {
                    throw new RefFail(TapiError.OPERATIONFAILED, "earlier staged change no longer holds");
                }
                ref.lastHandoffTarget = null;
                Object d = op.ref.apply(view, a.name, null);
                staged.computeIfAbsent(c, k -> new ArrayList<>())
                        .add(new Staged(a, op.label, op.ref, d, ref.lastHandoffTarget));
                return d;
            }, () -> op.sut.apply(control));
        }
        // R21: nothing staged is visible and no event is sent before commit.
        settle(out, false);
        checkCallViews();
        int interfere = p.get(3) % 6;
        if (interfere == 0 && !staged.isEmpty()) {
            RCall c = staged.keySet().iterator().next();
            trace.add("  -> uow: remote hang-up meanwhile on " + c);
            switchOf(c).hangUp(c.pid);
            ref.hangUp(c, out);
            settle(out, false);
        } else if (interfere == 1) {
            RApp victim = app(p.get(2) + 1);
            if (victim.open) {
                trace.add("  -> uow: " + victim.name + " closes meanwhile");
                doClose(victim, out);
                settle(out, false);
            }
        }
        boolean commit = p.get(2) % 3 != 0;
        if (commit) {
            boolean holds = staged.entrySet().stream().allMatch(e -> replay(e.getKey(), e.getValue()) != null);
            trace.add("  -> uow: commit, expected to " + (holds ? "succeed" : "fail at prepare"));
            if (holds) {
                uow.commit();
                for (Map.Entry<RCall, List<Staged>> e : staged.entrySet()) {
                    RCall c = e.getKey();
                    int from = out.size();
                    if (!c.gone) {
                        for (Staged s : e.getValue()) {
                            try {
                                ref.lastHandoffTarget = null;
                                Object now = s.op.apply(c, s.app.name, out);
                                assertThat(now).as("decision at commit").isEqualTo(s.decided);
                                assertThat(ref.lastHandoffTarget).as("handoff target at commit").isEqualTo(s.target);
                            } catch (RefFail f) {
                                throw new AssertionError("model: staged " + s.label + " fails at commit after prepare", f);
                            }
                        }
                    }
                    ref.refusals(out, from);
                }
            } else {
                assertThatThrownBy(uow::commit, TapiError.OPERATIONFAILED, null);
                uow.rollback();
            }
        } else {
            trace.add("  -> uow: roll back");
            uow.rollback();
        }
        assertThat(uow.isEnded()).isTrue();
    }

    /** The unit of work's view of a call: the live model with the staged operations replayed, or null if one no longer decides the same. */
    private RCall replay(RCall live, List<Staged> ops) {
        RCall view = live.copy();
        for (Staged s : ops) {
            try {
                ref.lastHandoffTarget = null;
                if (!Objects.equals(s.op.apply(view, s.app.name, null), s.decided)
                        || !Objects.equals(ref.lastHandoffTarget, s.target)) {
                    return null;
                }
            } catch (RefFail f) {
                return null;
            }
        }
        return view;
    }

    private RHandle handleById(CallHandle ch) {
        if (ch == null) {
            return null;
        }
        for (RCall c : liveCalls()) {
            for (RHandle h : c.handles) {
                if (ch.equals(h.id)) {
                    return h;
                }
            }
        }
        return null;
    }

    private void closeApp(List<Integer> p, List<Exp> out) {
        RApp a = app(p.get(0));
        trace.add("  -> close " + a.name + (a.open ? "" : " (already closed)"));
        if (!a.open) {
            sessions.get(a.name).close(); // closing twice does nothing
            return;
        }
        doClose(a, out);
    }

    private void doClose(RApp a, List<Exp> out) {
        sessions.get(a.name).close();
        a.open = false;
        for (RCall c : liveCalls()) {
            int from = out.size();
            ref.applicationClosed(c, a.name, out);
            ref.refusals(out, from);
        }
        assertThat(sessions.get(a.name).isOpen()).isFalse();
        assertThat(sb.isOpen(a.name)).isFalse();
    }

    /** Reopens a closed application (a new activation, R1's ties); opening an open name is INVALAPPNAME. */
    private void reopenApp(List<Integer> p) {
        RApp a = app(p.get(0));
        List<RApp> closed = ref.apps.values().stream().filter(x -> !x.open).toList();
        if (!closed.isEmpty() && p.get(0) % 5 != 0) {
            a = closed.get(p.get(0) % closed.size());
        }
        RApp app = a;
        trace.add("  -> reopen " + a.name + (a.open ? " (open: must fail)" : ""));
        if (a.open) {
            assertThatThrownBy(() -> sb.open(app.spec, new Recorder()), TapiError.INVALAPPNAME, null);
            return;
        }
        closedSessions.computeIfAbsent(a.name, k -> new ArrayList<>()).add(sessions.get(a.name));
        sessions.put(a.name, sb.open(a.spec, recorders.get(a.name)));
        ref.opened(a);
        // R23: a refusal belongs to the activation that refused; a new activation of the same
        // application may be offered those calls again.
        for (RCall c : calls) {
            c.refused.remove(a.name);
        }
        // The old session stays closed: anything through it is UNINITIALIZED.
        ApplicationSession old = closedSessions.get(a.name).get(0);
        assertThatThrownBy(() -> old.control().callInfo(CallHandle.of("x")), TapiError.UNINITIALIZED, a.name);
    }

    /** An operator gives a call to an application (R7's claim by the administrator). */
    private void assignOwner(List<Integer> p, List<Exp> out) {
        RCall c = anyCall(p.get(0));
        if (c == null) {
            return;
        }
        List<String> targets = new ArrayList<>(names);
        targets.add("ghost");
        String t = targets.get(p.get(1) % targets.size());
        trace.add("  -> operator assigns " + c + " to " + t);
        expectSame(null, "assignOwner", () -> {
            if (c.gone || c.unlisted) {
                throw new RefFail(TapiError.INVALCALLHANDLE, "no such call");
            }
            if (!ref.ownerOnLine(t, c.line)) {
                throw new RefFail(TapiError.INVALAPPNAME, "not an owner on the line");
            }
            if (c.state == CallState.IDLE) {
                throw new RefFail(TapiError.INVALCALLSTATE, "IDLE");
            }
            RHandle h = c.handleOf(t);
            if (h == null || h.priv != Privilege.OWNER) {
                int from = out.size();
                ref.giveOwnership(c, t, null, out);
                ref.refusals(out, from);
            }
            return null;
        }, () -> {
            sb.assignOwner(c.callId, t);
            return null;
        });
    }

    private void operatorDrop(List<Integer> p, List<Exp> out) {
        RCall c = anyCall(p.get(0));
        if (c == null) {
            return;
        }
        trace.add("  -> operator drops " + c);
        expectSame(null, "dropCall", () -> {
            if (c.gone || c.unlisted) {
                throw new RefFail(TapiError.INVALCALLHANDLE, "no such call");
            }
            ref.operatorDrop(c, out);
            return null;
        }, () -> {
            sb.dropCall(c.callId);
            return null;
        });
    }

    private void toggleRefusal(List<Integer> p) {
        RApp a = app(p.get(0));
        if (!a.spec.isOwner()) {
            return;
        }
        a.refusing = !a.refusing;
        recorders.get(a.name).refusing = a.refusing;
        trace.add("  -> " + a.name + (a.refusing ? " refuses" : " accepts") + " ownership offers");
    }

    // ---- comparing outcomes and events ----

    /**
     * Runs the model, then the switchboard, and checks that both succeed with the same result or
     * both fail with the same TapiError (whose message names the application). Returns whether it succeeded.
     */
    private boolean expectSame(RApp a, String what, Supplier<Object> model, Supplier<Object> real) {
        Object expected = null;
        TapiError expectedError = null;
        try {
            expected = model.get();
        } catch (RefFail f) {
            expectedError = f.error;
        }
        Object actual = null;
        SwitchboardException actualError = null;
        try {
            actual = real.get();
        } catch (SwitchboardException e) {
            actualError = e;
        }
        if (expectedError != null) {
            stats.merge("error " + expectedError, 1, Integer::sum);
            if (actualError == null) {
                throw new AssertionError(what + ": expected " + expectedError + " but it succeeded with " + actual);
            }
            if (actualError.error() != expectedError) {
                throw new AssertionError(what + ": expected " + expectedError + " but got " + actualError.error(),
                        actualError);
            }
            if (a != null) {
                assertThat(actualError.getMessage()).as("error message names the application").contains(a.name);
            }
            return false;
        }
        if (actualError != null) {
            throw new AssertionError(what + ": expected " + expected + " but failed", actualError);
        }
        assertThat(actual).as(what).isEqualTo(expected);
        if (expected != null) {
            stats.merge("result " + expected, 1, Integer::sum);
        }
        return true;
    }

    private static void assertThatThrownBy(Runnable r, TapiError error, String messageContains) {
        try {
            r.run();
        } catch (SwitchboardException e) {
            assertThat(e.error()).isEqualTo(error);
            if (messageContains != null) {
                assertThat(e.getMessage()).contains(messageContains);
            }
            return;
        }
        throw new AssertionError("expected " + error);
    }

    /**
     * R15, R24: compares the events each application got, per call and in order, with what the
     * model says; learns the ids of new handles from them; and keeps the per-handle ledger
     * (first event OFFERING, one DISCONNECTED, then one IDLE, nothing after).
     */
    private void settle(List<Exp> expected, boolean bindSilent) {
        Map<String, List<Exp>> exp = new LinkedHashMap<>();
        for (Exp e : expected) {
            exp.computeIfAbsent(e.app() + " on " + e.call().callId, k -> new ArrayList<>()).add(e);
        }
        expected.clear();
        Map<String, List<CallEvent>> act = new LinkedHashMap<>();
        for (Map.Entry<String, Recorder> r : recorders.entrySet()) {
            for (CallEvent e : r.getValue().drain()) {
                act.computeIfAbsent(r.getKey() + " on " + e.callId(), k -> new ArrayList<>()).add(e);
                ledger(r.getKey(), e);
            }
        }
        Set<String> keys = new HashSet<>(exp.keySet());
        keys.addAll(act.keySet());
        for (String k : keys) {
            List<Exp> es = exp.getOrDefault(k, List.of());
            List<CallEvent> as = act.getOrDefault(k, List.of());
            List<String> esBodies = es.stream().map(Exp::body).toList();
            List<String> asBodies = as.stream().map(OwnershipWalk::body).toList();
            assertThat(asBodies).as(() -> "R15/R24 events of " + k).isEqualTo(esBodies);
            for (int i = 0; i < es.size(); i++) {
                RHandle h = es.get(i).handle();
                CallHandle got = as.get(i).handle();
                if (h.id == null) {
                    assertThat(bound).as("a new handle is new").doesNotContain(got);
                    h.id = got;
                    bound.add(got);
                } else {
                    int n = i;
                    assertThat(got).as(() -> "handle in event " + n + " of " + k).isEqualTo(h.id);
                }
            }
            stats.merge("events", as.size(), Integer::sum);
        }
        if (bindSilent) {
            bindSilentHandles();
        }
    }

    /** Handles made without an event (a handoff of an IDLE call): learnt from handles() and callInfo. */
    private void bindSilentHandles() {
        for (RApp a : ref.apps.values()) {
            if (!a.open) {
                continue;
            }
            List<RHandle> unbound = new ArrayList<>();
            for (RCall c : liveCalls()) {
                RHandle h = c.handleOf(a.name);
                if (h != null && h.id == null) {
                    unbound.add(h);
                }
            }
            if (unbound.isEmpty()) {
                continue;
            }
            ApplicationSession s = sessions.get(a.name);
            for (CallHandle ch : s.handles()) {
                if (!bound.contains(ch)) {
                    String callId = s.control().callInfo(ch).callId();
                    RCall c = liveCalls().stream().filter(x -> x.callId.equals(callId)).findFirst()
                            .orElseThrow(() -> new AssertionError(a.name + " holds a handle on unknown call " + callId));
                    RHandle h = c.handleOf(a.name);
                    assertThat(h).as(a.name + " holds an unexpected handle on " + c).isNotNull();
                    assertThat(h.id).as(a.name + " holds a second handle on " + c).isNull();
                    assertThat(c.state).as("only an IDLE call gives a handle silently").isEqualTo(CallState.IDLE);
                    h.id = ch;
                    bound.add(ch);
                    stats.merge("silent handle on IDLE handoff", 1, Integer::sum);
                }
            }
        }
    }

    private void ledger(String app, CallEvent e) {
        Ledger l = ledgers.computeIfAbsent(e.handle(), k -> new Ledger());
        Supplier<String> where = () -> app + " handle " + e.handle() + " on " + e.callId() + ": " + body(e);
        assertThat(l.idle).as(() -> "R15/R24: nothing after IDLE; " + where.get()).isFalse();
        if (l.events++ == 0) {
            assertThat(e instanceof CallStateEvent cs
                    && (cs.state() == CallState.OFFERING || cs.state() == CallState.DISCONNECTED))
                    .as("R4/R5/R11: a handle's first event is OFFERING (DISCONNECTED after a hang-up); " + where.get())
                    .isTrue();
        }
        if (e instanceof CallStateEvent cs) {
            if (cs.state() == CallState.DISCONNECTED) {
                assertThat(l.disconnected).as(() -> "R24: one DISCONNECTED; " + where.get()).isFalse();
                l.disconnected = true;
            } else if (cs.state() == CallState.IDLE) {
                assertThat(l.disconnected).as(() -> "R24: DISCONNECTED before IDLE; " + where.get()).isTrue();
                l.idle = true;
            }
        }
    }

    static String body(CallEvent e) {
        if (e instanceof CallStateEvent s) {
            return "STATE " + s.state() + " " + s.privilege() + " " + RefModel.hex(s.mediaModes());
        }
        if (e instanceof CallInfoEvent i) {
            return "INFO " + i.reason() + " owners=" + i.numOwners() + " monitors=" + i.numMonitors() + " "
                    + RefModel.hex(i.mediaModes());
        }
        if (e instanceof MediaDetectedEvent m) {
            return "MEDIA " + m.mode();
        }
        if (e instanceof DigitEvent d) {
            return "DIGIT " + d.digit();
        }
        throw new AssertionError(e);
    }

    // ---- the invariants, after every step ----

    /** Everything visible agrees with the model. */
    void checkInvariants() {
        try {
            checkCallViews();
            checkHandles();
            checkPriorities();
        } catch (AssertionError e) {
            throw new AssertionError("after step " + steps + ": " + e.getMessage() + "\nlast steps:\n  "
                    + String.join("\n  ", trace) + "\nmodel calls: " + liveCalls(), e);
        }
    }

    /** R7, R24: calls() lists exactly the calls not gone, with their owners and monitors. */
    void checkCallViews() {
        Map<String, CallView> views = new HashMap<>();
        for (CallView v : sb.calls()) {
            assertThat(views.put(v.callId(), v)).as("a call is listed once").isNull();
        }
        List<RCall> live = liveCalls().stream().filter(c -> !c.unlisted).toList();
        for (RCall c : live) {
            CallView v = views.get(c.callId);
            assertThat(v).as(() -> "R7/R24: call " + c + " is visible while it is up or someone holds a handle").isNotNull();
            assertThat(v.state()).as(() -> "state of " + c).isEqualTo(c.state);
            assertThat(v.mediaModes()).as(() -> "media of " + c).isEqualTo(c.media);
            assertThat(v.line()).isEqualTo(c.line);
            assertThat(v.providerCallId()).isEqualTo(c.pid);
            assertThat(v.owners()).as(() -> "owners of " + c).containsExactlyInAnyOrderElementsOf(names(c, Privilege.OWNER));
            assertThat(v.monitors()).as("monitors of " + c)
                    .containsExactlyInAnyOrderElementsOf(names(c, Privilege.MONITOR));
            assertThat(v.isUnowned()).isEqualTo(c.owners() == 0);
        }
        assertThat(views.keySet()).as("R24: gone calls are gone (IDLE, every handle deallocated)")
                .containsExactlyInAnyOrderElementsOf(live.stream().map(c -> c.callId).toList());
        Set<String> simLive = new HashSet<>(sim.liveCalls());
        simLive.addAll(legacy.liveCalls());
        Set<String> modelLive = new HashSet<>();
        for (RCall c : calls) {
            if (c.providerLive) {
                modelLive.add(c.pid);
                assertThat(c.gone).isFalse();
            }
        }
        assertThat(simLive).as("calls up at the switch").isEqualTo(modelLive);
    }

    /** R14, R15: each application's handles, privileges and the counts it sees through callInfo. */
    private void checkHandles() {
        for (RApp a : ref.apps.values()) {
            ApplicationSession s = sessions.get(a.name);
            assertThat(s.isOpen()).isEqualTo(a.open);
            assertThat(sb.isOpen(a.name)).isEqualTo(a.open);
            if (!a.open) {
                continue;
            }
            Map<CallHandle, RCall> expected = new HashMap<>();
            for (RCall c : liveCalls()) {
                RHandle h = c.handleOf(a.name);
                if (h != null) {
                    assertThat(h.id).as(() -> "model handle of " + a.name + " on " + c + " is known").isNotNull();
                    expected.put(h.id, c);
                }
            }
            assertThat(s.handles()).as(() -> "handles of " + a.name).isEqualTo(expected.keySet());
            for (Map.Entry<CallHandle, RCall> e : expected.entrySet()) {
                RCall c = e.getValue();
                CallInfo info = s.control().callInfo(e.getKey());
                Supplier<String> what = () -> a.name + " on " + c;
                assertThat(info.handle()).isEqualTo(e.getKey());
                assertThat(info.callId()).as(what).isEqualTo(c.callId);
                assertThat(info.line()).as(what).isEqualTo(c.line);
                assertThat(info.privilege()).as(() -> "privilege of " + what.get()).isEqualTo(c.handleOf(a.name).priv);
                assertThat(info.numOwners()).as(() -> "numOwners of " + what.get()).isEqualTo(c.owners());
                assertThat(info.numMonitors()).as(() -> "numMonitors of " + what.get()).isEqualTo(c.monitors());
                assertThat(info.state()).as(() -> "state of " + what.get()).isEqualTo(c.state);
                assertThat(info.mediaModes()).as(() -> "media of " + what.get()).isEqualTo(c.media);
            }
        }
    }

    /** R1, R2: the effective order per line and mode, and the administrator's lists. */
    private void checkPriorities() {
        Map<MediaMode, List<String>> admin = new EnumMap<>(MediaMode.class);
        admin.putAll(ref.admin);
        assertThat(sb.priorityLists().all()).as("administrator's lists").isEqualTo(admin);
        for (String line : LINES) {
            for (MediaMode m : CHECKED_MODES) {
                assertThat(sb.effectivePriority(line, m)).as("R1 order for " + m + " on " + line)
                        .isEqualTo(ref.order(line, m));
            }
        }
    }

    // ---- picking ----

    private RApp app(int i) {
        return ref.apps.get(names.get(Math.floorMod(i, names.size())));
    }

    List<RCall> liveCalls() {
        return calls.stream().filter(c -> !c.gone).toList();
    }

    private RCall anyCall(int i) {
        if (calls.isEmpty()) {
            return null;
        }
        // mostly calls not gone; sometimes a gone one (the switch ignores it, operators get INVALCALLHANDLE)
        List<RCall> live = liveCalls();
        if (live.isEmpty() || i % 13 == 0) {
            return calls.get(Math.floorMod(i, calls.size()));
        }
        return live.get(Math.floorMod(i, live.size()));
    }

    private SimulatedSwitch switchOf(RCall c) {
        return c.provider.equals(sim.name()) ? sim : legacy;
    }

    /** The call on which {@code app} holds {@code ch}, or null. */
    private RCall callOf(String app, CallHandle ch) {
        if (ch == null) {
            return null;
        }
        for (RCall c : liveCalls()) {
            RHandle h = c.handleOf(app);
            if (h != null && ch.equals(h.id)) {
                return c;
            }
        }
        return null;
    }

    private record Pick(RApp app, CallHandle handle) {
    }

    /**
     * Who acts with which handle: mostly an open application with one of its own handles (an owner
     * handle, mostly, for what only owners may do); sometimes an invalid handle; rarely a closed application.
     */
    private Pick pick(String kind, int i, int j, int k) {
        boolean ownerOp = Set.of("handoffByName", "handoffByMode", "setMediaMode", "answer", "drop").contains(kind);
        int mode = Math.floorMod(j, 20);
        if (mode < 14) {
            List<RHandle> valid = new ArrayList<>();
            List<RHandle> owners = new ArrayList<>();
            for (RCall c : liveCalls()) {
                for (RHandle h : c.handles) {
                    if (h.id != null) {
                        valid.add(h);
                        if (h.priv == Privilege.OWNER) {
                            owners.add(h);
                        }
                    }
                }
            }
            List<RHandle> from = ownerOp && mode < 11 && !owners.isEmpty() ? owners : valid;
            if (!from.isEmpty()) {
                RHandle h = from.get(Math.floorMod(k, from.size()));
                return new Pick(ref.apps.get(h.app), h.id);
            }
        }
        RApp a = app(i);
        if (!a.open && mode < 19) {
            for (int n = 1; n < names.size() && !a.open; n++) {
                a = app(i + n);
            }
        }
        return new Pick(a, pickHandle(a, k, mode < 18 ? 9 + mode - 14 : 0));
    }

    /**
     * Mostly one of the application's own handles, preferring IDLE calls sometimes; otherwise an
     * invalid one: deallocated (stale), another application's (foreign), made up, or null.
     */
    private CallHandle pickHandle(RApp a, int i, int j) {
        List<RHandle> own = new ArrayList<>();
        for (RCall c : liveCalls()) {
            RHandle h = c.handleOf(a.name);
            if (h != null && h.id != null) {
                own.add(h);
            }
        }
        int kind = Math.floorMod(j, 13);
        if (!own.isEmpty() && kind < 9) {
            return own.get(Math.floorMod(i, own.size())).id;
        }
        switch (kind % 4) {
            case 0 -> {
                List<CallHandle> stale = a.stale.stream().map(h -> h.id).filter(Objects::nonNull).toList();
                if (!stale.isEmpty()) {
                    return stale.get(Math.floorMod(i, stale.size()));
                }
            }
            case 1 -> {
                List<CallHandle> foreign = new ArrayList<>();
                for (RCall c : liveCalls()) {
                    for (RHandle h : c.handles) {
                        if (!h.app.equals(a.name) && h.id != null) {
                            foreign.add(h.id);
                        }
                    }
                }
                if (!foreign.isEmpty()) {
                    return foreign.get(Math.floorMod(i, foreign.size()));
                }
            }
            case 2 -> {
                return null;
            }
            default -> {
            }
        }
        return CallHandle.of("made-up-" + i);
    }

    private String describeHandle(CallHandle ch) {
        if (ch == null) {
            return "null handle";
        }
        for (RCall c : calls) {
            for (RHandle h : c.handles) {
                if (ch.equals(h.id)) {
                    return h.app + "'s handle on " + c;
                }
            }
        }
        for (RApp a : ref.apps.values()) {
            for (RHandle h : a.stale) {
                if (ch.equals(h.id)) {
                    return a.name + "'s stale handle";
                }
            }
        }
        return "unknown handle " + ch;
    }

    private static List<String> names(RCall c, Privilege p) {
        return c.handles.stream().filter(h -> h.priv == p).map(h -> h.app).toList();
    }

    /** At the end: hang up everything, every application deallocates, and nothing is left (R24). */
    void drainAll() {
        List<Exp> out = new ArrayList<>();
        for (RCall c : calls) {
            if (c.providerLive) {
                switchOf(c).hangUp(c.pid);
                ref.hangUp(c, out);
            }
        }
        settle(out, true);
        for (RApp a : ref.apps.values()) {
            if (a.open) {
                cleanUpIdle(List.of(names.indexOf(a.name)), out);
            }
        }
        for (RApp a : ref.apps.values()) {
            if (!a.open) {
                reopenApp(List.of(names.indexOf(a.name)));
            }
        }
        settle(out, true);
        checkInvariants();
        // closed applications' handles went with them, so every call is gone now
        assertThat(sb.calls()).as("R24: every call gone once every handle is deallocated").isEmpty();
    }
}
