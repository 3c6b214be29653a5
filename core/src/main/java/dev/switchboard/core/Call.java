package dev.switchboard.core;

import dev.switchboard.api.CallView;
import dev.switchboard.core.spi.LineProvider;
import java.util.Map;

/**
 * One call on one line: identity, its lock, its ordered event queues, and its live state.
 * Every rule is a decision about one call, taken under {@link #guard}.
 */
final class Call {
    /** The call's number; calls are always locked in this order when one step locks several (R31, R32). */
    final long seq;
    final String id;
    final String line;
    final LineProvider provider;
    final String providerCallId;
    final String callerId;
    final String calledId;
    final CallGuard guard = new CallGuard();
    final CallDeliveries delivery;
    /** The live state; read and written only under {@link #guard}. */
    CallModel model;
    /** Set once every handle is gone after IDLE; the call is then forgotten. */
    boolean gone;
    /** The call as operators were last told of it, null before; read and written only under {@link #guard}. */
    CallView reported;
    /** The provider's latest recovery facts, for the cluster's call directory; empty until it reports some. */
    volatile Map<String, String> recoveryFacts = Map.of();

    Call(long seq, String line, LineProvider provider, String providerCallId, String callerId,
         String calledId, CallDeliveries delivery) {
        this.seq = seq;
        this.id = "call-" + seq;
        this.line = line;
        this.provider = provider;
        this.providerCallId = providerCallId;
        this.callerId = callerId == null ? "" : callerId;
        this.calledId = calledId == null ? "" : calledId;
        this.delivery = delivery;
    }

    @Override
    public String toString() {
        return id + " on line " + line;
    }
}
