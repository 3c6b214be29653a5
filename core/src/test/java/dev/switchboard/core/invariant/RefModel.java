package dev.switchboard.core.invariant;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfoReason;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.ApplicationSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An independent, deliberately naive model of the handoff rules (R1-R24), written from the spec
 * and not from the core's code. The random walk applies every operation both to the real
 * switchboard and to this model, and compares outcomes, events and state after every step.
 *
 * <p>Every rule method first checks, then changes: a method that throws {@link RefFail} has
 * changed nothing. Methods take {@code out == null} to decide on a copy (a unit of work's view,
 * R21): then they send nothing and forget nothing.
 */
final class RefModel {

    /** The model says the operation fails with {@code error}. */
    static final class RefFail extends RuntimeException {
        final TapiError error;

        RefFail(TapiError error, String what) {
            super(error + ": " + what, null, false, false);
            this.error = error;
        }
    }

    /** One application as the model knows it. */
    static final class RApp {
        final String name;
        final ApplicationSpec spec;
        boolean open;
        long seq;
        /** R23: the test's sink refuses ownership offers while this is set. */
        boolean refusing;
        /** Handles this application held and lost (deallocated, refused, closed, ...). */
        final List<RHandle> stale = new ArrayList<>();

        RApp(ApplicationSpec spec) {
            this.name = spec.name();
            this.spec = spec;
        }
    }

    /** One application's handle on one call. The id is learnt from the switchboard (events or handles()). */
    static final class RHandle {
        final String app;
        CallHandle id;
        Privilege priv;
        int mediaMonitor;
        boolean digits;
        /** R23: the mode of the handoff that last offered this handle ownership (0: not by a mode's order). */
        int offeredByMode;

        RHandle(String app, Privilege priv) {
            this.app = app;
            this.priv = priv;
        }

        RHandle copy() {
            RHandle h = new RHandle(app, priv);
            h.id = id;
            h.mediaMonitor = mediaMonitor;
            h.digits = digits;
            h.offeredByMode = offeredByMode;
            return h;
        }

        @Override
        public String toString() {
            return app + ":" + priv + (id == null ? "(unbound)" : "");
        }
    }

    /** One call. */
    static final class RCall {
        final int idx;
        final String line;
        final boolean handoffSupported;
        final String provider;
        final String pid;
        String callId;
        int media;
        CallState state = CallState.OFFERING;
        final List<RHandle> handles = new ArrayList<>();
        final Set<String> refused = new HashSet<>();
        /** Whether the simulated switch still has the call up (it can still hang up, answer, drop). */
        boolean providerLive = true;
        boolean gone;
        /** An operator's drop ended it in the core and took it off the list; its handles stay valid (R24). */
        boolean unlisted;

        RCall(int idx, String line, boolean handoffSupported, String provider, String pid, int media) {
            this.idx = idx;
            this.line = line;
            this.handoffSupported = handoffSupported;
            this.provider = provider;
            this.pid = pid;
            this.media = media;
        }

        RCall copy() {
            RCall c = new RCall(idx, line, handoffSupported, provider, pid, media);
            c.callId = callId;
            c.state = state;
            for (RHandle h : handles) {
                c.handles.add(h.copy());
            }
            c.refused.addAll(refused);
            c.providerLive = providerLive;
            c.gone = gone;
            c.unlisted = unlisted;
            return c;
        }

        RHandle handleOf(String app) {
            for (RHandle h : handles) {
                if (h.app.equals(app)) {
                    return h;
                }
            }
            return null;
        }

        int owners() {
            return (int) handles.stream().filter(h -> h.priv == Privilege.OWNER).count();
        }

        int monitors() {
            return (int) handles.stream().filter(h -> h.priv == Privilege.MONITOR).count();
        }

        boolean over() {
            return state == CallState.DISCONNECTED || state == CallState.IDLE;
        }

        @Override
        public String toString() {
            return "#" + idx + "(" + callId + " " + line + " " + state + " " + MediaMode.describe(media) + " " + handles
                    + (gone ? " gone" : "") + ")";
        }
    }

    /** One event the model expects one application to get. The body is fixed when the event is made. */
    record Exp(String app, RCall call, RHandle handle, String body) {
        boolean offersOwnership() {
            return body.startsWith("STATE OFFERING OWNER");
        }
    }

    /** An operation on one call, as a decision on a model of it (live, or a unit of work's copy). */
    @FunctionalInterface
    interface ROp {
        Object apply(RCall call, String actor, List<Exp> out);
    }

    /** R6's default probing order, from the spec; the modes it does not name follow in bit order. */
    static final List<MediaMode> PROBE_ORDER;

    static {
        List<MediaMode> order = new ArrayList<>(List.of(MediaMode.INTERACTIVEVOICE, MediaMode.DATAMODEM,
                MediaMode.G3FAX, MediaMode.TDD, MediaMode.G4FAX, MediaMode.DIGITALDATA, MediaMode.TELETEX,
                MediaMode.VIDEOTEX, MediaMode.TELEX, MediaMode.MIXED, MediaMode.ADSI));
        for (MediaMode m : MediaMode.values()) {
            if (m != MediaMode.UNKNOWN && !order.contains(m)) {
                order.add(m);
            }
        }
        PROBE_ORDER = List.copyOf(order);
    }

    final Map<String, RApp> apps = new LinkedHashMap<>();
    final Map<MediaMode, List<String>> admin = new EnumMap<>(MediaMode.class);
    private long activations;

    void opened(RApp app) {
        app.open = true;
        app.seq = ++activations;
    }

    // ---- R1, R2: priorities ----

    /** R1: the applications that get a call of {@code mode} on {@code line}, first first. */
    List<String> order(String line, MediaMode mode) {
        List<RApp> candidates = new ArrayList<>();
        for (RApp a : apps.values()) {
            if (a.open && a.spec.isOwner() && a.spec.opens(line) && a.spec.declaredPriority(mode) > 0) {
                candidates.add(a);
            }
        }
        List<String> names = new ArrayList<>();
        for (String n : admin.getOrDefault(mode, List.of())) {
            for (RApp a : candidates) {
                if (a.name.equals(n)) {
                    names.add(n);
                }
            }
        }
        candidates.removeIf(a -> names.contains(a.name));
        candidates.sort(Comparator.<RApp>comparingInt(a -> a.spec.declaredPriority(mode)).thenComparingLong(a -> a.seq));
        for (RApp a : candidates) {
            names.add(a.name);
        }
        return names;
    }

    void adminInsertFirst(MediaMode mode, String app) {
        List<String> l = new ArrayList<>(admin.getOrDefault(mode, List.of()));
        l.remove(app);
        l.add(0, app);
        admin.put(mode, l);
    }

    void adminRemove(MediaMode mode, String app) {
        List<String> l = new ArrayList<>(admin.getOrDefault(mode, List.of()));
        l.remove(app);
        if (l.isEmpty()) {
            admin.remove(mode);
        } else {
            admin.put(mode, l);
        }
    }

    boolean ownerOnLine(String name, String line) {
        RApp a = apps.get(name);
        return a != null && a.open && a.spec.isOwner() && a.spec.opens(line);
    }

    // ---- R4-R7: who owns a new call ----

    /**
     * R4, R6: the owner of a call with these media modes. UNKNOWN alone names no candidate: the
     * adapter then probes every mode (the core's documented reading, see the report).
     */
    String chooseOwner(RCall c) {
        int modes = c.media;
        if (Integer.bitCount(modes) == 1 && modes != MediaMode.UNKNOWN.bit()) {
            return firstEligible(c, order(c.line, MediaMode.ofBit(modes)));
        }
        if (MediaMode.UNKNOWN.in(modes)) {
            String prober = firstEligible(c, order(c.line, MediaMode.UNKNOWN));
            if (prober != null) {
                return prober;
            }
        }
        int candidates = modes & ~MediaMode.UNKNOWN.bit();
        if (candidates == 0) {
            candidates = MediaMode.ALL_BITS & ~MediaMode.UNKNOWN.bit();
        }
        for (MediaMode m : PROBE_ORDER) {
            if (m.in(candidates)) {
                String a = firstEligible(c, order(c.line, m));
                if (a != null) {
                    return a;
                }
            }
        }
        return null;
    }

    private static String firstEligible(RCall c, List<String> order) {
        for (String a : order) {
            if (!c.refused.contains(a)) {
                return a;
            }
        }
        return null;
    }

    void offerNewCall(RCall c, List<Exp> out) {
        String owner = chooseOwner(c);
        if (owner != null) {
            addHandle(c, owner, Privilege.OWNER, out);
        }
        List<RApp> monitors = new ArrayList<>();
        for (RApp a : apps.values()) {
            if (a.open && a.spec.isMonitor() && a.spec.opens(c.line) && !a.name.equals(owner)) {
                monitors.add(a);
            }
        }
        monitors.sort(Comparator.comparingLong(a -> a.seq));
        for (RApp a : monitors) {
            addHandle(c, a.name, Privilege.MONITOR, out);
        }
    }

    // ---- R8-R13: handoff ----

    /**
     * The application the last handoff decided on (null when none): a transaction's prepare fails
     * when a staged handoff would now reach another application, even if still SUCCESS (R22).
     */
    String lastHandoffTarget;

    HandoffResult handoffToApplication(RCall c, String actor, CallHandle ch, String target, List<Exp> out) {
        lastHandoffTarget = null;
        requireOwner(c, actor, ch);
        if (!c.handoffSupported) {
            throw new RefFail(TapiError.OPERATIONUNAVAIL, "R13");
        }
        if (target == null || target.isBlank()) {
            throw new RefFail(TapiError.INVALAPPNAME, "blank target");
        }
        if (target.equals(actor)) {
            lastHandoffTarget = actor;
            return HandoffResult.SUCCESS;
        }
        if (!ownerOnLine(target, c.line)) {
            return HandoffResult.TARGETNOTFOUND;
        }
        giveOwnership(c, target, actor, out);
        lastHandoffTarget = target;
        return HandoffResult.SUCCESS;
    }

    HandoffResult handoffToMediaMode(RCall c, String actor, CallHandle ch, int mode, List<Exp> out) {
        lastHandoffTarget = null;
        requireOwner(c, actor, ch);
        if (mode == 0 || (mode & ~MediaMode.ALL_BITS) != 0 || Integer.bitCount(mode) != 1) {
            throw new RefFail(TapiError.INVALMEDIAMODE, "R10: not one mode");
        }
        if (!c.handoffSupported) {
            throw new RefFail(TapiError.OPERATIONUNAVAIL, "R13");
        }
        // R23: an application that refused this call is passed over
        String to = firstEligible(c, order(c.line, MediaMode.ofBit(mode)));
        if (to == null) {
            return HandoffResult.TARGETNOTFOUND;
        }
        lastHandoffTarget = to;
        if (to.equals(actor)) {
            return HandoffResult.TARGETSELF;
        }
        giveOwnership(c, to, actor, mode, out);
        return HandoffResult.SUCCESS;
    }

    void giveOwnership(RCall c, String target, String actor, List<Exp> out) {
        giveOwnership(c, target, actor, 0, out);
    }

    /**
     * R11, R15: the target is an owner, told with OFFERING; every other holder but the actor hears the
     * counts. R24: an ended call is never offered; a raised handle hears the counts like the others.
     */
    void giveOwnership(RCall c, String target, String actor, int byMode, List<Exp> out) {
        int owners = c.owners();
        int monitors = c.monitors();
        RHandle th = c.handleOf(target);
        String offered = target;
        if (th == null) {
            th = addHandle(c, target, Privilege.OWNER, out);
        } else {
            th.priv = Privilege.OWNER;
            if (c.over()) {
                offered = null;
            } else {
                offering(c, th, out);
            }
        }
        th.offeredByMode = byMode;
        counts(c, owners, monitors, actor, offered, out);
    }

    // ---- R14, R15: privileges, deallocation ----

    Object setPrivilege(RCall c, String actor, CallHandle ch, Privilege p, List<Exp> out) {
        RHandle h = requireHandle(c, actor, ch);
        if (p == null) {
            throw new RefFail(TapiError.INVALPRIVILEGE, "null privilege");
        }
        if (h.priv == p) {
            return null;
        }
        int owners = c.owners();
        int monitors = c.monitors();
        if (p == Privilege.MONITOR && owners == 1 && c.state != CallState.IDLE) {
            throw new RefFail(TapiError.INVALCALLSTATE, "R14: sole owner");
        }
        h.priv = p;
        counts(c, owners, monitors, actor, null, out);
        return null;
    }

    Object deallocate(RCall c, String actor, CallHandle ch, List<Exp> out) {
        RHandle h = requireHandle(c, actor, ch);
        int owners = c.owners();
        int monitors = c.monitors();
        removeHandle(c, h, out);
        counts(c, owners, monitors, actor, null, out);
        goneIfFinished(c, out);
        return null;
    }

    /** The application closed its lines: its handle goes, and a call it alone owned goes to the next owner. */
    void applicationClosed(RCall c, String app, List<Exp> out) {
        RHandle h = c.handleOf(app);
        if (h == null) {
            return;
        }
        boolean wasOwner = h.priv == Privilege.OWNER;
        int owners = c.owners();
        int monitors = c.monitors();
        removeHandle(c, h, out);
        counts(c, owners, monitors, app, null, out);
        if (wasOwner && c.owners() == 0 && !c.over()) {
            reoffer(c, out);
        }
        goneIfFinished(c, out);
    }

    /** R23: the application threw from the ownership offer of {@code offered}. */
    void offerRefused(RCall c, String app, RHandle offered, List<Exp> out) {
        RHandle h = c.handleOf(app);
        if (h == null || h != offered || h.priv != Privilege.OWNER) {
            return;
        }
        c.refused.add(app);
        int byMode = h.offeredByMode;
        int owners = c.owners();
        int monitors = c.monitors();
        removeHandle(c, h, out);
        counts(c, owners, monitors, app, null, out);
        if (!c.over()) {
            // R23: a refused media-mode handoff goes on down that mode's order; otherwise (or when no one
            // is left there) a call nobody owns goes to the next owner by R4/R6
            boolean placed = false;
            if (byMode != 0) {
                String next = firstEligible(c, order(c.line, MediaMode.ofBit(byMode)));
                if (next != null) {
                    RHandle held = c.handleOf(next);
                    if (held == null || held.priv != Privilege.OWNER) {
                        giveOwnership(c, next, null, byMode, out);
                    }
                    placed = true;
                }
            }
            if (!placed && c.owners() == 0) {
                reoffer(c, out);
            }
        }
        goneIfFinished(c, out);
    }

    private void reoffer(RCall c, List<Exp> out) {
        String next = chooseOwner(c);
        if (next != null) {
            giveOwnership(c, next, null, out);
        }
    }

    /** Processes R23 refusals in delivery order: every ownership offer to a refusing application is taken back. */
    void refusals(List<Exp> out, int from) {
        for (int i = from; i < out.size(); i++) {
            Exp e = out.get(i);
            RApp a = apps.get(e.app());
            if (e.offersOwnership() && a.open && a.refusing) {
                offerRefused(e.call(), e.app(), e.handle(), out);
            }
        }
    }

    // ---- R16-R18, call control ----

    Object setMediaMode(RCall c, String actor, CallHandle ch, int modes, List<Exp> out) {
        requireOwner(c, actor, ch);
        if (modes == 0 || (modes & ~MediaMode.ALL_BITS) != 0) {
            throw new RefFail(TapiError.INVALMEDIAMODE, "not a media mode");
        }
        if (Integer.bitCount(modes) > 1 && !MediaMode.UNKNOWN.in(modes)) {
            throw new RefFail(TapiError.INVALMEDIAMODE, "R16: several bits without UNKNOWN");
        }
        c.media = modes;
        for (RHandle h : c.handles) {
            if (!h.app.equals(actor)) {
                info(c, h, CallInfoReason.MEDIAMODE, out);
            }
        }
        return null;
    }

    Object monitorMedia(RCall c, String actor, CallHandle ch, int modes, List<Exp> out) {
        RHandle h = requireHandle(c, actor, ch);
        if (modes != 0 && (modes & ~MediaMode.ALL_BITS) != 0) {
            throw new RefFail(TapiError.INVALMEDIAMODE, "not a media mode");
        }
        h.mediaMonitor = modes;
        return null;
    }

    Object monitorDigits(RCall c, String actor, CallHandle ch, boolean on, List<Exp> out) {
        requireHandle(c, actor, ch).digits = on;
        return null;
    }

    Object answer(RCall c, String actor, CallHandle ch, List<Exp> out) {
        requireOwner(c, actor, ch);
        if (c.state != CallState.OFFERING && c.state != CallState.ACCEPTED) {
            throw new RefFail(TapiError.INVALCALLSTATE, "answer when " + c.state);
        }
        if (c.providerLive) {
            stateChanged(c, CallState.CONNECTED, out);
        }
        return null;
    }

    Object drop(RCall c, String actor, CallHandle ch, List<Exp> out) {
        requireOwner(c, actor, ch);
        if (c.state == CallState.IDLE) {
            throw new RefFail(TapiError.INVALCALLSTATE, "drop when IDLE");
        }
        providerDrop(c, out);
        return null;
    }

    /** The switch drops the call: DISCONNECTED then IDLE (what the simulated switch reports). */
    void providerDrop(RCall c, List<Exp> out) {
        if (c.providerLive) {
            c.providerLive = false;
            stateChanged(c, CallState.DISCONNECTED, out);
            stateChanged(c, CallState.IDLE, out);
        }
    }

    /**
     * An operator drops the call: through the switch while the switch has it and it is not over;
     * otherwise it ends in the core (DISCONNECTED unless over, IDLE) and leaves the list.
     */
    void operatorDrop(RCall c, List<Exp> out) {
        if (c.providerLive && !c.over()) {
            providerDrop(c, out);
            return;
        }
        if (!c.over()) {
            stateChanged(c, CallState.DISCONNECTED, out);
        }
        stateChanged(c, CallState.IDLE, out);
        if (!c.gone) {
            c.unlisted = true;
        }
    }

    /** R24: the remote party hangs up. */
    void hangUp(RCall c, List<Exp> out) {
        if (c.providerLive) {
            c.providerLive = false;
            if (!c.over()) {
                stateChanged(c, CallState.DISCONNECTED, out);
            }
            stateChanged(c, CallState.IDLE, out);
        }
    }

    void stateChanged(RCall c, CallState s, List<Exp> out) {
        if (c.gone || c.state == CallState.IDLE || c.state == s || s == CallState.OFFERING) {
            return;
        }
        c.state = s;
        for (RHandle h : c.handles) {
            emit(out, c, h, "STATE " + s + " " + h.priv + " " + hex(c.media));
        }
        goneIfFinished(c, out);
    }

    void detected(RCall c, MediaMode mode, List<Exp> out) {
        if (c.gone || c.state == CallState.IDLE) {
            return;
        }
        for (RHandle h : c.handles) {
            if (mode.in(h.mediaMonitor)) {
                emit(out, c, h, "MEDIA " + mode);
            }
        }
    }

    void digit(RCall c, char d, List<Exp> out) {
        if (c.gone || c.state == CallState.IDLE) {
            return;
        }
        for (RHandle h : c.handles) {
            if (h.digits) {
                emit(out, c, h, "DIGIT " + d);
            }
        }
    }

    // ---- helpers ----

    RHandle requireHandle(RCall c, String actor, CallHandle ch) {
        RHandle h = c.handleOf(actor);
        if (h == null || !Objects.equals(h.id, ch)) {
            throw new RefFail(TapiError.INVALCALLHANDLE, "not this application's handle on " + c);
        }
        return h;
    }

    private RHandle requireOwner(RCall c, String actor, CallHandle ch) {
        RHandle h = requireHandle(c, actor, ch);
        if (h.priv != Privilege.OWNER) {
            throw new RefFail(TapiError.NOTOWNER, "monitor handle");
        }
        return h;
    }

    private RHandle addHandle(RCall c, String app, Privilege p, List<Exp> out) {
        RHandle h = new RHandle(app, p);
        c.handles.add(h);
        if (c.over()) {
            // R24 as the core reads it: a handle given after the hang-up (a handoff in flight)
            // hears how the call ended instead of an OFFERING.
            emit(out, c, h, "STATE DISCONNECTED " + p + " " + hex(c.media));
            if (c.state == CallState.IDLE) {
                emit(out, c, h, "STATE IDLE " + p + " " + hex(c.media));
            }
        } else {
            offering(c, h, out);
        }
        return h;
    }

    private void removeHandle(RCall c, RHandle h, List<Exp> out) {
        c.handles.remove(h);
        if (out != null) {
            apps.get(h.app).stale.add(h);
        }
    }

    private static void goneIfFinished(RCall c, List<Exp> out) {
        if (out != null && c.state == CallState.IDLE && c.handles.isEmpty()) {
            c.gone = true;
        }
    }

    private static void offering(RCall c, RHandle h, List<Exp> out) {
        if (c.state != CallState.IDLE) {
            emit(out, c, h, "STATE OFFERING " + h.priv + " " + hex(c.media));
        }
    }

    /** R15. */
    private static void counts(RCall c, int ownersBefore, int monitorsBefore, String actor, String offered,
                               List<Exp> out) {
        if (c.state == CallState.IDLE) {
            return;
        }
        int owners = c.owners();
        int monitors = c.monitors();
        for (RHandle h : c.handles) {
            if (h.app.equals(actor) || h.app.equals(offered)) {
                continue;
            }
            if (owners > ownersBefore) {
                info(c, h, CallInfoReason.NUMOWNERINCR, out);
            } else if (owners < ownersBefore) {
                info(c, h, CallInfoReason.NUMOWNERDECR, out);
            }
            if (monitors != monitorsBefore) {
                info(c, h, CallInfoReason.NUMMONITORS, out);
            }
        }
    }

    private static void info(RCall c, RHandle h, CallInfoReason reason, List<Exp> out) {
        if (c.state != CallState.IDLE) {
            emit(out, c, h, "INFO " + reason + " owners=" + c.owners() + " monitors=" + c.monitors() + " "
                    + hex(c.media));
        }
    }

    private static void emit(List<Exp> out, RCall c, RHandle h, String body) {
        if (out != null) {
            out.add(new Exp(h.app, c, h, body));
        }
    }

    static String hex(int mask) {
        return "0x" + Integer.toHexString(mask);
    }
}
