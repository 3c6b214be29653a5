package dev.switchboard.sip.provider;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The live calls by SIP Call-ID (the provider's call id), with the sipMaxCalls limit. */
final class CallRegistry {
    private final ConcurrentHashMap<String, SipCall> calls = new ConcurrentHashMap<>();
    private final int maxCalls;

    CallRegistry(int maxCalls) {
        this.maxCalls = maxCalls;
    }

    /** Adds the call unless the limit is reached or the Call-ID is taken; false when not added. */
    synchronized boolean tryAdd(SipCall call) {
        if (calls.size() >= maxCalls) {
            return false;
        }
        return calls.putIfAbsent(call.id(), call) == null;
    }

    boolean isFull() {
        return calls.size() >= maxCalls;
    }

    SipCall get(String callId) {
        return callId == null ? null : calls.get(callId);
    }

    void remove(SipCall call) {
        calls.remove(call.id(), call);
    }

    Collection<SipCall> all() {
        return List.copyOf(calls.values());
    }

    int size() {
        return calls.size();
    }
}
