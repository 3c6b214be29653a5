package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfoReason;
import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallInfoEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import java.time.Clock;

/**
 * The ownership and handoff rules (R4-R20, R23, R24) as decisions on one call's model. Each method
 * runs under the call's lock, changes only the model it is given and reports everything else
 * through {@link Effects}, so the same code decides a change live or on a transaction's copy.
 * Call control and media (R25-R33) are decided the same way by {@link MediaRules} and
 * {@link CallControlRules}, which these rules tell when a call ends, a digit arrives or an
 * application stops owning a call.
 */
final class Rules {
    private final Directory directory;
    private final HandleIds ids;
    private final Clock clock;
    private final MediaRules media;
    private final CallControlRules control;

    Rules(Directory directory, HandleIds ids, Clock clock) {
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
        this.media = new MediaRules(clock);
        this.control = new CallControlRules(this, media, directory);
    }

    /** R25-R28, R33: media operations. */
    MediaRules media() {
        return media;
    }

    /** R29-R31: redirect, transfer, calls made, bridges. */
    CallControlRules control() {
        return control;
    }

    /** A fresh, unguessable handle id (for a call an application makes, R30, known before the call exists). */
    CallHandle newHandleId() {
        return ids.next();
    }

    // ---- new calls (R4-R7) ----

    void offerNewCall(CallModel m, Effects fx) {
        App owner = chooseOwner(m);
        while (owner != null && addHandle(m, owner, Privilege.OWNER, fx) == null) {
            owner = chooseOwner(m); // it closed its lines meanwhile: the next one
        }
        for (App monitor : directory.monitors(m.call.line)) {
            if (monitor != owner) {
                addHandle(m, monitor, Privilege.MONITOR, fx);
            }
        }
        if (owner == null) {
            Log.callUnowned(m.call, m.mediaModes);
        }
    }

    /**
     * R4, R6: the owner a new (or re-offered) call goes to. Applications that failed to take the
     * call (R23) or that are closed are passed over.
     */
    App chooseOwner(CallModel m) {
        int modes = m.mediaModes;
        String line = m.call.line;
        if (MediaMode.isSingleMode(modes) && modes != MediaMode.UNKNOWN.bit()) {
            return firstEligible(m, directory.owners(line, MediaMode.ofBit(modes)));
        }
        if (MediaMode.UNKNOWN.in(modes)) {
            App prober = firstEligible(m, directory.owners(line, MediaMode.UNKNOWN));
            if (prober != null) {
                return prober;
            }
        }
        // R6: the adapter probes itself. UNKNOWN alone names no candidate, so every mode is one.
        int candidates = modes & ~MediaMode.UNKNOWN.bit();
        if (candidates == 0) {
            candidates = MediaMode.ALL_BITS & ~MediaMode.UNKNOWN.bit();
        }
        for (MediaMode mode : MediaMode.probeOrder(candidates)) {
            App app = firstEligible(m, directory.owners(line, mode));
            if (app != null) {
                return app;
            }
        }
        return null;
    }

    private static App firstEligible(CallModel m, App[] order) {
        for (App app : order) {
            if (app.open && !m.hasRefused(app)) {
                return app;
            }
        }
        return null;
    }

    // ---- handoff (R8-R13) ----

    /**
     * A handoff's outcome and the name of the application that got the call. A transaction's
     * prepare compares both, so a media-mode handoff that would now reach another application
     * fails (R22) even though it would still be SUCCESS. Names, not activations: a redeployed
     * application is still the application the transaction decided on.
     */
    record HandoffDecision(HandoffResult result, String target) {
        static final HandoffDecision NOT_FOUND = new HandoffDecision(HandoffResult.TARGETNOTFOUND, null);
    }

    HandoffDecision handoffToApplication(CallModel m, App actor, CallHandle ch, String target, Effects fx) {
        Handle h = requireOwner(m, actor, ch, "hand off");
        requireHandoffSupported(m, actor);
        if (target == null || target.isBlank()) {
            throw error(TapiError.INVALAPPNAME, m, actor, "a directed handoff needs a target application name");
        }
        if (target.equals(actor.name)) {
            return actor.reached; // R9: to itself, nothing changes
        }
        App to = directory.ownerOnLine(target, m.call.line);
        if (to == null) {
            return HandoffDecision.NOT_FOUND;
        }
        giveOwnership(m, to, h.app, fx);
        return to.reached;
    }

    HandoffDecision handoffToMediaMode(CallModel m, App actor, CallHandle ch, int mediaMode, Effects fx) {
        requireOwner(m, actor, ch, "hand off");
        if (!MediaMode.isSingleMode(mediaMode)) {
            throw error(TapiError.INVALMEDIAMODE, m, actor, "a media-mode handoff names exactly one media mode, not "
                    + MediaMode.describe(mediaMode));
        }
        requireHandoffSupported(m, actor);
        // R10 with R23: an application that refused this call is passed over, so a repeated handoff
        // to the mode reaches the next one (or TARGETNOTFOUND), never the refuser again.
        App to = firstEligible(m, directory.owners(m.call.line, MediaMode.ofBit(mediaMode)));
        if (to == null) {
            return HandoffDecision.NOT_FOUND;
        }
        if (to == actor) {
            return new HandoffDecision(HandoffResult.TARGETSELF, actor.name);
        }
        giveOwnership(m, to, actor, mediaMode, fx);
        return to.reached;
    }

    /** {@link #giveOwnership(CallModel, App, App, int, Effects)} not chosen by a media mode's order. */
    void giveOwnership(CallModel m, App target, App actor, Effects fx) {
        giveOwnership(m, target, actor, 0, fx);
    }

    /**
     * R11, R15: {@code target} ends up an owner, on its old handle if it had one; it is told with
     * an OFFERING event, everyone else but {@code actor} with the count change. {@code byMode} is the
     * media mode whose order chose the target (0 if none), where a refusal continues (R23).
     *
     * <p>An ended call (DISCONNECTED or IDLE) is never offered (R24: its holders already heard how it
     * ended): a brand-new handle hears DISCONNECTED (and IDLE), and a handle raised to OWNER hears the
     * count change, as every other holder does (R15).
     */
    private void giveOwnership(CallModel m, App target, App actor, int byMode, Effects fx) {
        int owners = m.owners();
        int monitors = m.monitors();
        Handle th = m.handleOf(target);
        App offered = target;
        if (th == null) {
            th = addHandle(m, target, Privilege.OWNER, fx);
        } else {
            th.privilege = Privilege.OWNER;
            if (m.isOver()) {
                offered = null;
            } else {
                send(m, th, fx);
            }
        }
        if (th != null) {
            th.offeredByMode = byMode;
        }
        notifyCounts(m, owners, monitors, actor, offered, fx);
    }

    // ---- privileges and deallocation (R14, R15) ----

    void setPrivilege(CallModel m, App actor, CallHandle ch, Privilege privilege, Effects fx) {
        Handle h = requireHandle(m, actor, ch);
        if (privilege == null) {
            throw error(TapiError.INVALPRIVILEGE, m, actor, "the privilege must be OWNER or MONITOR");
        }
        if (h.privilege == privilege) {
            return;
        }
        int owners = m.owners();
        int monitors = m.monitors();
        if (privilege == Privilege.MONITOR && owners == 1 && m.state != CallState.IDLE) {
            throw error(TapiError.INVALCALLSTATE, m, actor, "the sole owner of a call that is " + m.state
                    + " cannot become a monitor; hand the call off or deallocate the handle");
        }
        if (privilege == Privilege.MONITOR) {
            media.ownerLeft(m, actor, fx); // R28: its media operations end, CANCELLED
        }
        h.privilege = privilege;
        notifyCounts(m, owners, monitors, actor, null, fx);
    }

    void deallocate(CallModel m, App actor, CallHandle ch, Effects fx) {
        Handle h = requireHandle(m, actor, ch);
        int owners = m.owners();
        int monitors = m.monitors();
        media.ownerLeft(m, actor, fx); // R28: CANCELLED, told on the handle before it goes
        removeHandle(m, h, fx);
        notifyCounts(m, owners, monitors, actor, null, fx);
        if (owners == 1 && h.isOwner() && !m.isOver()) {
            Log.callUnowned(m.call, m.mediaModes);
        }
        goneIfFinished(m, fx);
    }

    /** An application closed its lines: its handle goes; an owner's call goes to the next owner (R7). */
    void applicationClosed(CallModel m, App app, Effects fx) {
        Handle h = m.handleOf(app);
        if (h == null) {
            return;
        }
        boolean wasOwner = h.isOwner();
        int owners = m.owners();
        int monitors = m.monitors();
        media.ownerLeft(m, app, fx);
        removeHandle(m, h, fx);
        notifyCounts(m, owners, monitors, app, null, fx);
        if (wasOwner && m.owners() == 0 && !m.isOver()) {
            Log.callOwnerLeft(m.call, app.name);
            reoffer(m, fx);
        }
        goneIfFinished(m, fx);
    }

    /**
     * R23: the application did not take the call offered to it; it loses its handle and is passed
     * over for this call from now on. If a media-mode handoff offered it the call, the next
     * application in that mode's order gets it, whoever else still owns the call: the handoff said
     * which kind of application the call needs. Otherwise, or when that order has no one left, a call
     * nobody owns any more goes to the next application by R4 and R6; with none left it stays
     * unowned and visible (R7).
     */
    void offerRefused(CallModel m, App app, CallHandle ch, Effects fx) {
        Handle h = m.handleOf(app);
        if (h == null || !h.id.equals(ch) || !h.isOwner()) {
            return; // already handed on, deallocated or demoted: nothing to undo
        }
        m.markRefused(app);
        int byMode = h.offeredByMode;
        int owners = m.owners();
        int monitors = m.monitors();
        media.ownerLeft(m, app, fx);
        removeHandle(m, h, fx);
        notifyCounts(m, owners, monitors, app, null, fx);
        if (!m.isOver()) {
            boolean placed = byMode != 0 && continueHandoff(m, byMode, fx);
            if (!placed && m.owners() == 0) {
                reoffer(m, fx);
            }
        }
        goneIfFinished(m, fx);
    }

    /**
     * R23 for a refused media-mode handoff: gives the call to the first application of {@code mode}'s
     * order (R1, R10) that has not refused it. Returns false when there is none; true when it got the
     * call or already owned it (the handing-off application itself, say, when it is next in that order).
     */
    private boolean continueHandoff(CallModel m, int mode, Effects fx) {
        App[] order = directory.owners(m.call.line, MediaMode.ofBit(mode));
        for (App next = firstEligible(m, order); next != null; next = firstEligible(m, order)) {
            Handle held = m.handleOf(next);
            if (held != null && held.isOwner()) {
                return true;
            }
            giveOwnership(m, next, null, mode, fx);
            held = m.handleOf(next);
            if (held != null && held.isOwner()) {
                return true;
            }
            // it closed its lines meanwhile, so firstEligible passes it over now
        }
        return false;
    }

    private void reoffer(CallModel m, Effects fx) {
        App next = chooseOwner(m);
        while (next != null) {
            giveOwnership(m, next, null, fx);
            if (m.owners() > 0) {
                return;
            }
            next = chooseOwner(m); // it closed its lines meanwhile: the next one
        }
        Log.callUnowned(m.call, m.mediaModes);
    }

    // ---- media mode, monitoring, call control (R16-R18) ----

    void setMediaMode(CallModel m, App actor, CallHandle ch, int modes, Effects fx) {
        requireOwner(m, actor, ch, "set the media mode of");
        if (!MediaMode.isValidMask(modes)) {
            throw error(TapiError.INVALMEDIAMODE, m, actor, MediaMode.describe(modes) + " is not a media mode");
        }
        if (Integer.bitCount(modes) > 1 && !MediaMode.UNKNOWN.in(modes)) {
            throw error(TapiError.INVALMEDIAMODE, m, actor, "several media modes " + MediaMode.describe(modes)
                    + " are allowed only together with UNKNOWN");
        }
        m.mediaModes = modes;
        for (int i = 0; i < m.handleCount(); i++) {
            Handle other = m.handle(i);
            if (other.app != actor) {
                sendInfo(m, other, CallInfoReason.MEDIAMODE, fx);
            }
        }
        Call call = m.call;
        fx.providerAction("set the media mode of", () -> call.provider.mediaModeChanged(call.providerCallId, modes));
    }

    void monitorMedia(CallModel m, App actor, CallHandle ch, int modes, Effects fx) {
        Handle h = requireHandle(m, actor, ch);
        if (modes != 0) {
            if (!MediaMode.isValidMask(modes)) {
                throw error(TapiError.INVALMEDIAMODE, m, actor, MediaMode.describe(modes) + " is not a media mode");
            }
            int detectable = m.call.provider.capabilities().detectableMediaModes();
            if ((modes & ~detectable) != 0) {
                throw error(TapiError.INVALMEDIAMODE, m, actor, "line provider " + m.call.provider.name()
                        + " cannot detect " + MediaMode.describe(modes & ~detectable));
            }
        }
        h.mediaMonitor = modes;
    }

    void monitorDigits(CallModel m, App actor, CallHandle ch, boolean enabled, Effects fx) {
        Handle h = requireHandle(m, actor, ch);
        if (enabled && !m.call.provider.capabilities().detectsDigits()) {
            throw error(TapiError.OPERATIONUNAVAIL, m, actor, "line provider " + m.call.provider.name()
                    + " does not report digits");
        }
        h.digitMonitor = enabled;
    }

    void answer(CallModel m, App actor, CallHandle ch, Effects fx) {
        requireOwner(m, actor, ch, "answer");
        if (m.state != CallState.OFFERING && m.state != CallState.ACCEPTED) {
            throw error(TapiError.INVALCALLSTATE, m, actor, "only an OFFERING or ACCEPTED call can be answered");
        }
        Call call = m.call;
        fx.providerAction("answer", () -> call.provider.answer(call.providerCallId));
    }

    void drop(CallModel m, App actor, CallHandle ch, Effects fx) {
        requireOwner(m, actor, ch, "drop");
        if (m.state == CallState.IDLE) {
            throw error(TapiError.INVALCALLSTATE, m, actor, "the call is already IDLE");
        }
        Call call = m.call;
        fx.providerAction("drop", () -> call.provider.drop(call.providerCallId));
    }

    // ---- what the line provider reports (R17, R18, R24) ----

    void mediaDetected(CallModel m, MediaMode mode, Effects fx) {
        if (m.state == CallState.IDLE) {
            return;
        }
        for (int i = 0; i < m.handleCount(); i++) {
            Handle h = m.handle(i);
            if (mode.in(h.mediaMonitor)) {
                fx.send(h, new MediaDetectedEvent(h.id, m.call.id, m.call.line, mode, clock.instant()));
            }
        }
    }

    /** R18 (digit events to monitoring holders), then the core's gathers and recording terminators (R27). */
    void digitReceived(CallModel m, char digit, Effects fx) {
        if (m.state == CallState.IDLE) {
            return;
        }
        for (int i = 0; i < m.handleCount(); i++) {
            Handle h = m.handle(i);
            if (h.digitMonitor) {
                fx.send(h, new DigitEvent(h.id, m.call.id, m.call.line, digit, clock.instant()));
            }
        }
        media.digit(m, digit, fx);
    }

    /** A state change reported by the provider. Nothing follows IDLE, and no state is reported twice. */
    void stateChanged(CallModel m, CallState state, Effects fx) {
        stateChanged(m, state, DisconnectReason.NORMAL, fx);
    }

    /**
     * A state change; {@code reason} says why, when the call becomes DISCONNECTED. When the call
     * ends, what runs on it ends first (R28, R29, R31), so that its completions come before the
     * DISCONNECTED (or IDLE) that every holder hears.
     */
    void stateChanged(CallModel m, CallState state, DisconnectReason reason, Effects fx) {
        if (m.state == CallState.IDLE || m.state == state) {
            return;
        }
        if (state == CallState.OFFERING) {
            return; // a call is offered once, when it arrives
        }
        if ((state == CallState.DISCONNECTED || state == CallState.IDLE) && !m.isOver()) {
            control.callEnding(m, fx);
        }
        m.state = state;
        DisconnectReason why = state == CallState.DISCONNECTED ? reason : null;
        if (why != null) {
            m.disconnectReason = why;
        }
        for (int i = 0; i < m.handleCount(); i++) {
            Handle h = m.handle(i);
            fx.send(h, new CallStateEvent(h.id, m.call.id, m.call.line, state, h.privilege, m.mediaModes, why));
        }
        goneIfFinished(m, fx);
    }

    /** R24: one DISCONNECTED (with {@code reason}), then one IDLE, to every holder, whatever happened before. */
    void remoteHangup(CallModel m, DisconnectReason reason, Effects fx) {
        if (!m.isOver()) {
            stateChanged(m, CallState.DISCONNECTED, reason, fx);
        }
        stateChanged(m, CallState.IDLE, fx);
    }

    // ---- helpers ----

    /**
     * Gives {@code app} a new handle, or returns null when it has closed its lines: a closing
     * application (another thread) removes the handles it holds, and a handle given to it after that
     * could never be deallocated (R24) while still counting as an owner or monitor (R15).
     * {@link Directory#close} marks it closed under the same monitor.
     */
    private Handle addHandle(CallModel m, App app, Privilege privilege, Effects fx) {
        Handle h = attach(m, app, ids.next(), privilege, fx);
        if (h == null) {
            return null;
        }
        if (m.isOver()) {
            // R24: a handle given after the caller hung up (a handoff in flight) hears how the call
            // ended, like every other holder, instead of an OFFERING for a call that is gone.
            fx.send(h, new CallStateEvent(h.id, m.call.id, m.call.line, CallState.DISCONNECTED, h.privilege,
                    m.mediaModes, m.disconnectReason == null ? DisconnectReason.NORMAL : m.disconnectReason));
            if (m.state == CallState.IDLE) {
                fx.send(h, new CallStateEvent(h.id, m.call.id, m.call.line, CallState.IDLE, h.privilege,
                        m.mediaModes));
            }
        } else {
            send(m, h, fx);
        }
        return h;
    }

    /** Gives {@code app} the handle {@code id} without telling it yet; null when it has closed its lines (see {@link #addHandle}). */
    Handle attach(CallModel m, App app, CallHandle id, Privilege privilege, Effects fx) {
        Handle h = new Handle(id, app, m.call, privilege);
        synchronized (app) {
            if (!app.open) {
                return null;
            }
            m.addHandle(h);
            fx.handleCreated(h);
        }
        return h;
    }

    /** The OFFERING event that tells {@code h}'s application of the call and its privilege (R4, R5, R11). */
    private void send(CallModel m, Handle h, Effects fx) {
        if (m.state != CallState.IDLE) {
            fx.send(h, new CallStateEvent(h.id, m.call.id, m.call.line, CallState.OFFERING, h.privilege,
                    m.mediaModes));
        }
    }

    private static void removeHandle(CallModel m, Handle h, Effects fx) {
        m.removeHandle(h);
        fx.handleRemoved(h);
    }

    static void goneIfFinished(CallModel m, Effects fx) {
        if (m.state == CallState.IDLE && !m.hasHandles()) {
            fx.callGone(m.call);
        }
    }

    /**
     * R15: after a change of the owner or monitor count, everyone holding a handle hears of it,
     * except the application that caused it and one that just got an OFFERING instead.
     */
    private void notifyCounts(CallModel m, int ownersBefore, int monitorsBefore, App actor, App offered,
                              Effects fx) {
        if (m.state == CallState.IDLE) {
            return;
        }
        int owners = m.owners();
        int monitors = m.monitors();
        for (int i = 0; i < m.handleCount(); i++) {
            Handle h = m.handle(i);
            if (h.app == actor || h.app == offered) {
                continue;
            }
            if (owners > ownersBefore) {
                sendInfo(m, h, CallInfoReason.NUMOWNERINCR, fx);
            } else if (owners < ownersBefore) {
                sendInfo(m, h, CallInfoReason.NUMOWNERDECR, fx);
            }
            if (monitors != monitorsBefore) {
                sendInfo(m, h, CallInfoReason.NUMMONITORS, fx);
            }
        }
    }

    private static void sendInfo(CallModel m, Handle h, CallInfoReason reason, Effects fx) {
        if (m.state != CallState.IDLE) {
            fx.send(h, new CallInfoEvent(h.id, m.call.id, m.call.line, reason, m.owners(), m.monitors(),
                    m.mediaModes));
        }
    }

    /** The handle {@code ch} of {@code actor} on this call, or INVALCALLHANDLE (R8). */
    static Handle requireHandle(CallModel m, App actor, CallHandle ch) {
        Handle h = m.handleOf(actor);
        if (h == null || !h.id.equals(ch)) {
            throw error(TapiError.INVALCALLHANDLE, m, actor, "handle " + ch + " is not a handle of this application");
        }
        return h;
    }

    static Handle requireOwner(CallModel m, App actor, CallHandle ch, String what) {
        Handle h = requireHandle(m, actor, ch);
        if (!h.isOwner()) {
            throw error(TapiError.NOTOWNER, m, actor, "only an owner may " + what + " a call; this handle is MONITOR");
        }
        return h;
    }

    private static void requireHandoffSupported(CallModel m, App actor) {
        if (!m.call.provider.capabilities().supportsHandoff()) {
            throw error(TapiError.OPERATIONUNAVAIL, m, actor, "line provider " + m.call.provider.name()
                    + " does not support handoff on line " + m.call.line);
        }
    }

    static SwitchboardException error(TapiError error, CallModel m, App actor, String what) {
        return new SwitchboardException(error, "call " + m.call + ", application '" + actor.name + "': " + what);
    }
}
