package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.BridgeEndedEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.TransferResultEvent;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.core.spi.ProviderFeature;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redirect and blind transfer (R29), calls the switchboard makes (R30) and bridges (R31), as
 * decisions on call models like {@link Rules}. Ownership and states stay {@link Rules}'s; media
 * operations {@link MediaRules}'s.
 */
final class CallControlRules {
    private final Rules rules;
    private final MediaRules media;
    private final Directory directory;
    /** Live bridges by id, so that a provider's report of a broken bridge finds it; filled and emptied by live effects only. */
    private final ConcurrentHashMap<String, Bridge> bridges = new ConcurrentHashMap<>();

    CallControlRules(Rules rules, MediaRules media, Directory directory) {
        this.rules = rules;
        this.media = media;
        this.directory = directory;
    }

    // ---- R29 ----

    /** Before answer (SIP 302). */
    String redirect(CallModel m, App actor, CallHandle ch, String opId, String destination, Effects fx) {
        Handle h = Rules.requireOwner(m, actor, ch, "redirect");
        requireFeature(m, actor, ProviderFeature.REDIRECT, "redirect");
        if (m.state != CallState.OFFERING && m.state != CallState.ACCEPTED) {
            throw Rules.error(TapiError.INVALCALLSTATE, m, actor, "only an OFFERING or ACCEPTED call can be"
                    + " redirected; it is " + m.state + (m.state == CallState.CONNECTED ? " (transfer it instead)" : ""));
        }
        return startTransfer(m, actor, h, opId, TransferResultEvent.Kind.REDIRECT, destination, fx);
    }

    /** After answer (SIP REFER). */
    String blindTransfer(CallModel m, App actor, CallHandle ch, String opId, String destination, Effects fx) {
        Handle h = Rules.requireOwner(m, actor, ch, "transfer");
        requireFeature(m, actor, ProviderFeature.BLIND_TRANSFER, "transfer");
        if (m.state != CallState.CONNECTED) {
            throw Rules.error(TapiError.INVALCALLSTATE, m, actor, "only a CONNECTED call can be transferred; it is "
                    + m.state + (m.state == CallState.OFFERING || m.state == CallState.ACCEPTED
                    ? " (redirect it instead)" : ""));
        }
        return startTransfer(m, actor, h, opId, TransferResultEvent.Kind.BLIND_TRANSFER, destination, fx);
    }

    private String startTransfer(CallModel m, App actor, Handle h, String opId, TransferResultEvent.Kind kind,
                                 String destination, Effects fx) {
        if (m.transfer != null) {
            throw Rules.error(TapiError.INVALCALLSTATE, m, actor, "a " + m.transfer.kind() + " to "
                    + m.transfer.destination() + " (" + m.transfer.id() + ") is already under way");
        }
        m.transfer = new Transfer(opId, kind, h, destination);
        Call call = m.call;
        Runnable action = kind == TransferResultEvent.Kind.REDIRECT
                ? () -> call.provider.redirect(call.providerCallId, opId, destination)
                : () -> call.provider.blindTransfer(call.providerCallId, opId, destination);
        fx.providerAction(kind == TransferResultEvent.Kind.REDIRECT ? "redirect" : "transfer", action,
                (lm, lfx, e) -> transferFinished(lm, opId, false, "the line provider failed: " + e.getMessage(), lfx));
        return opId;
    }

    /**
     * The provider's result (R29): one event to the owner that asked. On success the call has left
     * the line: what runs on it ends CANCELLED (R28), then every holder hears DISCONNECTED
     * (TRANSFERRED) and IDLE (R24). On failure the call is as it was.
     */
    void transferFinished(CallModel m, String opId, boolean succeeded, String lineReason, Effects fx) {
        Transfer t = m.transfer;
        if (t == null || !t.id().equals(opId)) {
            return; // already answered (the call ended first): one result only
        }
        m.transfer = null;
        sendResult(m, t, succeeded, succeeded ? "" : lineReason, fx);
        if (succeeded) {
            media.endAll(m, MediaEndReason.CANCELLED, fx);
            rules.remoteHangup(m, DisconnectReason.TRANSFERRED, fx);
        }
    }

    private static void sendResult(CallModel m, Transfer t, boolean succeeded, String reason, Effects fx) {
        Handle h = t.starter();
        fx.send(h, new TransferResultEvent(h.id, m.call.id, m.call.line, t.id(), t.kind(), t.destination(),
                succeeded ? TransferResultEvent.Result.SUCCESS : TransferResultEvent.Result.FAILED, reason));
    }

    /**
     * The call is ending (DISCONNECTED or IDLE is next): a transfer still waiting gets its one
     * result, FAILED (R29); media operations end (R28); a bridge ends, HANGUP (R31).
     */
    void callEnding(CallModel m, Effects fx) {
        Transfer t = m.transfer;
        if (t != null) {
            m.transfer = null;
            sendResult(m, t, false, "the call ended before the line reported the outcome", fx);
        }
        media.callEnded(m, fx);
        Bridge b = m.activeBridge();
        if (b != null) {
            bridgeEnded(m, b, BridgeEndedEvent.Reason.HANGUP, fx);
        }
    }

    // ---- R30 ----

    /**
     * A call {@code maker} makes: it is the only owner, on {@code handle}, offered to nobody else;
     * the line's monitors get MONITOR handles (R5). Everyone hears DIALING, then the provider is
     * asked to place the call; if it cannot, the call ends, UNKNOWN (R33).
     */
    void offerOutbound(CallModel m, App maker, CallHandle handle, String destination, Effects fx) {
        Handle owner = rules.attach(m, maker, handle, Privilege.OWNER, fx);
        if (owner == null) {
            m.state = CallState.IDLE; // it closed its lines this instant: nobody to place the call for
            Rules.goneIfFinished(m, fx);
            return;
        }
        announce(m, owner, fx);
        for (App monitor : directory.monitors(m.call.line)) {
            if (monitor != maker) {
                Handle h = rules.attach(m, monitor, rules.newHandleId(), Privilege.MONITOR, fx);
                if (h != null) {
                    announce(m, h, fx);
                }
            }
        }
        Call call = m.call;
        int modes = m.mediaModes;
        fx.providerAction("make a call on", () -> call.provider.makeCall(call.providerCallId, call.line,
                destination, modes), (lm, lfx, e) -> rules.remoteHangup(lm, DisconnectReason.UNKNOWN, lfx));
    }

    private static void announce(CallModel m, Handle h, Effects fx) {
        fx.send(h, new CallStateEvent(h.id, m.call.id, m.call.line, CallState.DIALING, h.privilege, m.mediaModes,
                null));
    }

    // ---- R31 ----

    /** Joins two CONNECTED calls {@code actor} owns; their running media ends, CANCELLED. */
    String bridge(CallModel ma, CallModel mb, App actor, CallHandle cha, CallHandle chb, String bridgeId,
                  Effects fxa, Effects fxb) {
        Handle a = Rules.requireOwner(ma, actor, cha, "bridge");
        Handle b = Rules.requireOwner(mb, actor, chb, "bridge");
        if (ma.call.provider != mb.call.provider) {
            throw Rules.error(TapiError.OPERATIONUNAVAIL, ma, actor, "it cannot be bridged to call " + mb.call
                    + ", which another line provider serves (" + ma.call.provider.name() + ", "
                    + mb.call.provider.name() + ")");
        }
        requireFeature(ma, actor, ProviderFeature.BRIDGE, "bridge");
        requireBridgeable(ma, actor);
        requireBridgeable(mb, actor);
        media.endAll(ma, MediaEndReason.CANCELLED, fxa);
        media.endAll(mb, MediaEndReason.CANCELLED, fxb);
        Bridge bridge = new Bridge(bridgeId, a, b);
        ma.bridge = bridge;
        mb.bridge = bridge;
        Call ca = ma.call;
        Call cb = mb.call;
        fxa.providerAction("bridge", () -> {
            bridges.put(bridgeId, bridge);
            ca.provider.bridge(bridgeId, ca.providerCallId, cb.providerCallId);
        }, (lm, lfx, e) -> bridgeEnded(lm, bridge, BridgeEndedEvent.Reason.FAILED, lfx));
        return bridgeId;
    }

    private static void requireBridgeable(CallModel m, App actor) {
        if (m.state != CallState.CONNECTED) {
            throw Rules.error(TapiError.INVALCALLSTATE, m, actor, "only CONNECTED calls can be bridged; it is "
                    + m.state);
        }
        Bridge b = m.activeBridge();
        if (b != null) {
            throw Rules.error(TapiError.INVALCALLSTATE, m, actor, "it is already in " + b);
        }
    }

    /** Any owner of a bridged call may end the bridge; the bridge's maker hears of it. */
    void unbridge(CallModel m, App actor, CallHandle ch, Effects fx) {
        Rules.requireOwner(m, actor, ch, "unbridge");
        Bridge b = m.activeBridge();
        if (b == null) {
            throw Rules.error(TapiError.INVALCALLSTATE, m, actor, "the call is in no bridge");
        }
        bridgeEnded(m, b, BridgeEndedEvent.Reason.UNBRIDGED, fx);
    }

    /**
     * Ends {@code bridge}, decided on {@code m}, one of its two calls (R31): one event to its maker,
     * on its handle of this call if it still holds it, else of the other call; none when it holds
     * neither. The other call's model learns of the end lazily ({@link CallModel#activeBridge()}).
     */
    void bridgeEnded(CallModel m, Bridge bridge, BridgeEndedEvent.Reason reason, Effects fx) {
        if (m.bridge == bridge) {
            m.bridge = null;
        }
        if (!fx.endBridge(bridge)) {
            return; // the other call's step ended it first and told the maker
        }
        Call call = m.call;
        fx.providerAction("unbridge", () -> {
            bridges.remove(bridge.id, bridge);
            if (reason != BridgeEndedEvent.Reason.FAILED) {
                call.provider.unbridge(bridge.id);
            }
        });
        Handle side = bridge.sideOf(call);
        Handle other = bridge.otherSide(call);
        boolean holdsSide = holds(side);
        boolean holdsOther = holds(other);
        Handle to = holdsSide ? side : holdsOther ? other : null;
        if (to == null) {
            return; // its maker let go of both calls
        }
        Handle far = to == side ? other : side;
        fx.send(to, new BridgeEndedEvent(to.id, to.call.id, to.call.line, bridge.id,
                (to == side ? holdsOther : holdsSide) ? far.id : null, far.call.id, reason));
    }

    /** The live bridge of this id, or null. */
    Bridge bridge(String bridgeId) {
        return bridgeId == null ? null : bridges.get(bridgeId);
    }

    private static boolean holds(Handle h) {
        return h.app.handles.get(h.id) == h;
    }

    private static void requireFeature(CallModel m, App actor, ProviderFeature feature, String what) {
        if (!m.call.provider.capabilities().supports(feature)) {
            throw Rules.error(TapiError.OPERATIONUNAVAIL, m, actor, "line provider " + m.call.provider.name()
                    + " cannot " + what + " calls (its capabilities do not list " + feature + ")");
        }
    }
}
