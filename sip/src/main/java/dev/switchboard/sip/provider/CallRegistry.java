package dev.switchboard.sip.provider;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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

    synchronized void remove(SipCall call) {
        if (calls.remove(call.id(), call) && calls.isEmpty()) {
            notifyAll();
        }
    }

    /** Waits until no call is left or {@code timeout} has passed; true when none is left. */
    synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!calls.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    Collection<SipCall> all() {
        return List.copyOf(calls.values());
    }

    int size() {
        return calls.size();
    }
}
