package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.ProviderEvents;
import dev.switchboard.sip.rtp.Bridge;
import dev.switchboard.sip.rtp.Ending;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's bridges (R31), by the core's bridge id: each one an {@link Bridge} of the media
 * engine between two calls' streams, which relays RTP both ways (µ-law and A-law converted when the
 * legs differ, RFC 4733 digits passed through) until it is unbridged or either call ends. The core
 * hears of a bridge only when it breaks by itself ({@link ProviderEvents#bridgeFailed}): an
 * unbridge is the core's own, and a call's end is reported by the call, which ends its bridge in
 * the core (HANGUP).
 */
final class Bridges {

    /** One bridge; {@code bridge} is set once joined. */
    private static final class Joined {
        final String a;
        final String b;
        volatile Bridge bridge;

        Joined(String a, String b) {
            this.a = a;
            this.b = b;
        }
    }

    private final ProviderEvents events;
    private final Map<String, Joined> joined = new ConcurrentHashMap<>();

    Bridges(ProviderEvents events) {
        this.events = events;
    }

    /**
     * Joins the media of two calls with answered audio.
     *
     * @throws IllegalStateException when a call has no audio to join (not answered, T.38) or is
     *                               bridged already, or the id is taken; nothing is joined then
     */
    void bridge(String bridgeId, SipCall a, SipCall b) {
        for (SipCall c : new SipCall[] {a, b}) {
            if (!c.hasAudio()) {
                throw new IllegalStateException("call " + c.id() + " has no audio to bridge (not answered, switched"
                        + " to T.38, or over)");
            }
        }
        Joined j = new Joined(a.id(), b.id());
        if (joined.putIfAbsent(bridgeId, j) != null) {
            throw new IllegalStateException("bridge " + bridgeId + " exists already");
        }
        try {
            j.bridge = Bridge.join(a.mediaStream(), b.mediaStream(), ending -> ended(bridgeId, j, ending));
        } catch (RuntimeException e) {
            joined.remove(bridgeId, j);
            throw e;
        }
    }

    /** Ends the bridge the core asked to end; an unknown or ended one is ignored. */
    void unbridge(String bridgeId) {
        Joined j = joined.remove(bridgeId);
        if (j != null && j.bridge != null) {
            j.bridge.unbridge();
        }
    }

    /**
     * Call {@code callId} can no longer be bridged (it switched to T.38): its bridge ends and the
     * core hears that it broke. Runs on that call's executor, in order with its other reports.
     */
    void breakOff(String callId, String reason) {
        joined.forEach((id, j) -> {
            if ((j.a.equals(callId) || j.b.equals(callId)) && joined.remove(id, j)) {
                if (j.bridge != null) {
                    j.bridge.unbridge();
                }
                events.bridgeFailed(id, reason);
            }
        });
    }

    /** How many bridges are up, for tests. */
    int size() {
        return joined.size();
    }

    /**
     * The engine ended the bridge: after an unbridge or a break-off (already gone from the map)
     * nothing more is said, and neither when a call ended (the call's end ends it in the core);
     * anything else is a bridge that broke by itself.
     */
    private void ended(String bridgeId, Joined j, Ending ending) {
        if (joined.remove(bridgeId, j) && ending != Ending.CALL_GONE && ending != Ending.STOPPED) {
            events.bridgeFailed(bridgeId, "the media bridge ended: " + ending);
        }
    }
}
