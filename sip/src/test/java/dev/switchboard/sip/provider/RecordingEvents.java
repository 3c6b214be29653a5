package dev.switchboard.sip.provider;

import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.core.spi.ProviderEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The core's side in the provider's tests: every report as a line of text ("newCall sip 0x4",
 * "digit 5", ...), per call in arrival order. It also notices two reports of one call running at
 * once, which the SPI forbids, and keeps the names of the threads the reports came from.
 */
final class RecordingEvents implements ProviderEvents {
    record Report(String callId, String text) {
    }

    private final LinkedBlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, AtomicBoolean> busy = new ConcurrentHashMap<>();
    private final AtomicBoolean overlapped = new AtomicBoolean();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, LinkedBlockingQueue<Map<String, String>>> facts = new ConcurrentHashMap<>();

    @Override
    public String newCall(String line, String providerCallId, int mediaModes, String callerId, String calledId) {
        record(providerCallId, "newCall " + line + " 0x" + Integer.toHexString(mediaModes));
        return "c-" + providerCallId;
    }

    @Override
    public void callStateChanged(String providerCallId, CallState state) {
        record(providerCallId, "state " + state);
    }

    @Override
    public void mediaDetected(String providerCallId, MediaMode mode) {
        record(providerCallId, "media " + mode);
    }

    @Override
    public void digitReceived(String providerCallId, char digit) {
        record(providerCallId, "digit " + digit);
    }

    @Override
    public void remoteHangup(String providerCallId) {
        record(providerCallId, "hangup");
    }

    @Override
    public void callDisconnected(String providerCallId, DisconnectReason reason) {
        record(providerCallId, "disconnected " + reason);
    }

    @Override
    public void mediaFinished(String providerCallId, String operationId, MediaEndReason reason, Duration recordedLength) {
        record(providerCallId, "finished " + operationId + " " + reason + " " + recordedLength.toMillis() + "ms");
    }

    @Override
    public void transferFinished(String providerCallId, String operationId, boolean succeeded, String lineReason) {
        record(providerCallId, "transfer " + operationId + (succeeded ? " succeeded" : " failed " + lineReason));
    }

    /** Kept apart from the other reports: a test of facts asks for them, the others' counts stay as they were. */
    @Override
    public void recoveryFacts(String providerCallId, Map<String, String> facts) {
        AtomicBoolean b = busy.computeIfAbsent(providerCallId, k -> new AtomicBoolean());
        if (!b.compareAndSet(false, true)) {
            overlapped.set(true);
        }
        this.facts.computeIfAbsent(providerCallId, k -> new LinkedBlockingQueue<>()).add(Map.copyOf(facts));
        b.set(false);
    }

    /** The next dialog facts reported for {@code callId}; fails after 15 s. */
    Map<String, String> nextFacts(String callId) throws InterruptedException {
        Map<String, String> f = facts.computeIfAbsent(callId, k -> new LinkedBlockingQueue<>())
                .poll(15, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no dialog facts reported for " + callId + " within 15 s");
        }
        return f;
    }

    /** Whether any dialog facts were reported, for any call. */
    boolean anyFacts() {
        return facts.values().stream().anyMatch(q -> !q.isEmpty());
    }

    @Override
    public void bridgeFailed(String bridgeId, String reason) {
        record(bridgeId, "bridge failed " + reason);
    }

    void record(String callId, String text) {
        AtomicBoolean b = busy.computeIfAbsent(callId, k -> new AtomicBoolean());
        if (!b.compareAndSet(false, true)) {
            overlapped.set(true);
        }
        threads.add(Thread.currentThread().getName());
        reports.add(new Report(callId, text));
        b.set(false);
    }

    /** The next report (of any call); fails after 15 s (generous: a loaded CI machine with a SIPp process starting). */
    Report next() throws InterruptedException {
        return nextOr("");
    }

    private Report nextOr(String context) throws InterruptedException {
        Report r = reports.poll(15, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no report from the provider within 15 s " + context);
        }
        return r;
    }

    /** The next report's text, checked to be about {@code callId}. */
    String next(String callId) throws InterruptedException {
        Report r = nextOr(callId);
        if (!r.callId().equals(callId)) {
            throw new AssertionError("expected a report about " + callId + " but got " + r);
        }
        return r.text();
    }

    /** Takes {@code n} reports and returns their texts for one call, in order. */
    List<String> take(int n, String callId) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Report r = next();
            if (r.callId().equals(callId)) {
                out.add(r.text());
            }
        }
        return out;
    }

    /** The names of the threads the reports came from. */
    Set<String> threads() {
        return Set.copyOf(threads);
    }

    boolean overlapped() {
        return overlapped.get();
    }

    boolean isEmpty() {
        return reports.isEmpty();
    }
}
