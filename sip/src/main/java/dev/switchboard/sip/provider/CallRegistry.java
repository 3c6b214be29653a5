package dev.switchboard.sip.provider;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The live calls, with the sipMaxCalls limit, found two ways: by the provider call id the core
 * knows them by ({@link #get}), and by the SIP Call-ID their messages carry ({@link #byCallId}).
 * The two are the same for a call that arrived; a call the core makes is named by the core
 * ({@code out-call-N}, R30) and gets a fresh, unguessable Call-ID of its own.
 */
final class CallRegistry {
    private final ConcurrentHashMap<String, SipCall> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SipCall> dialogs = new ConcurrentHashMap<>();
    private final int maxCalls;

    CallRegistry(int maxCalls) {
        this.maxCalls = maxCalls;
    }

    /** Adds the call unless the limit is reached or its id or Call-ID is taken; false when not added. */
    synchronized boolean tryAdd(SipCall call) {
        if (calls.size() >= maxCalls || calls.containsKey(call.id()) || dialogs.containsKey(call.sipCallId())) {
            return false;
        }
        calls.put(call.id(), call);
        dialogs.put(call.sipCallId(), call);
        return true;
    }

    boolean isFull() {
        return calls.size() >= maxCalls;
    }

    /** The call the core names {@code providerCallId}, or null. */
    SipCall get(String providerCallId) {
        return providerCallId == null ? null : calls.get(providerCallId);
    }

    /** The call whose dialog has this SIP Call-ID, or null. */
    SipCall byCallId(String sipCallId) {
        return sipCallId == null ? null : dialogs.get(sipCallId);
    }

    synchronized void remove(SipCall call) {
        dialogs.remove(call.sipCallId(), call);
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
