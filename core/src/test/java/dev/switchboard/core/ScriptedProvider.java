package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.media.AudioFile;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderCapabilities;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderEvents;
import dev.switchboard.core.spi.ProviderFeature;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A line provider the test drives state by state (ACCEPTED, ONHOLD, DISCONNECTED alone, ...),
 * recording what the core asks of it. Unlike the simulated switch it does not act on answer or drop,
 * and it carries out no media: the test reports how each operation ended. An action listed in
 * {@link #failing} throws, as a line that cannot even start it would (R33).
 */
final class ScriptedProvider implements LineProvider {
    private final String name;
    private final List<String> lines;
    private final ProviderCapabilities capabilities;
    private final AtomicLong seq = new AtomicLong();
    /** What the core asked, as "answer id", "drop id", "media id 0x..". */
    final List<String> actions = new CopyOnWriteArrayList<>();
    /** Calls the provider has lost track of (it says so when the core asks, {@link #hasCall}). */
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    /** When set, {@link #drop} fails as a provider without threads would. */
    volatile RuntimeException dropFailure;
    private volatile ProviderEvents events;
    /** Action names ("play", "record", "bridge", ...) that throw instead of being recorded. */
    final Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Every capability, call control included. */
    ScriptedProvider(String name, List<String> lines) {
        this(name, lines, new ProviderCapabilities(true, MediaMode.ALL_BITS, true, EnumSet.allOf(ProviderFeature.class)));
    }

    ScriptedProvider(String name, List<String> lines, ProviderCapabilities capabilities) {
        this.name = name;
        this.lines = List.copyOf(lines);
        this.capabilities = capabilities;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> lines() {
        return lines;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void start(ProviderContext context) {
        this.events = context.events();
    }

    @Override
    public void stop() {
        events = null;
    }

    @Override
    public void answer(String providerCallId) {
        actions.add("answer " + providerCallId);
    }

    @Override
    public void drop(String providerCallId) {
        actions.add("drop " + providerCallId);
        RuntimeException failure = dropFailure;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean hasCall(String providerCallId) {
        return !forgotten.contains(providerCallId);
    }

    /** The provider loses the call without reporting its end (what a refused report used to leave behind). */
    void forget(String providerCallId) {
        forgotten.add(providerCallId);
    }

    @Override
    public void mediaModeChanged(String providerCallId, int mediaModes) {
        actions.add("media " + providerCallId + " 0x" + Integer.toHexString(mediaModes));
    }

    // ---- call control: recorded as "play <call> <op> <prompts>", "stop <call> <op>", ... ----

    @Override
    public void play(String providerCallId, String operationId, List<Prompt> prompts) {
        act("play", providerCallId + " " + operationId + " " + describe(prompts));
    }

    @Override
    public void record(String providerCallId, String operationId, RecordRequest request) {
        act("record", providerCallId + " " + operationId + " " + request.file());
    }

    @Override
    public void generateDigits(String providerCallId, String operationId, String digits) {
        act("digits", providerCallId + " " + operationId + " " + digits);
    }

    @Override
    public void stopMedia(String providerCallId, String operationId) {
        act("stop", providerCallId + " " + operationId);
    }

    @Override
    public void redirect(String providerCallId, String operationId, String destination) {
        act("redirect", providerCallId + " " + operationId + " " + destination);
    }

    @Override
    public void blindTransfer(String providerCallId, String operationId, String destination) {
        act("transfer", providerCallId + " " + operationId + " " + destination);
    }

    @Override
    public void makeCall(String providerCallId, String line, String destination, int mediaModes) {
        act("makeCall", providerCallId + " " + line + " " + destination);
    }

    @Override
    public void bridge(String bridgeId, String a, String b) {
        act("bridge", bridgeId + " " + a + " " + b);
    }

    @Override
    public void unbridge(String bridgeId) {
        act("unbridge", bridgeId);
    }

    private void act(String what, String details) {
        if (failing.contains(what)) {
            throw new IllegalStateException("scripted line cannot " + what + " " + details);
        }
        actions.add(what + " " + details);
    }

    private static String describe(List<Prompt> prompts) {
        StringBuilder sb = new StringBuilder();
        for (Prompt p : prompts) {
            sb.append(sb.length() == 0 ? "" : ",");
            sb.append(p instanceof Tone t ? t.mode().name() : java.nio.file.Path.of(((AudioFile) p).path()).getFileName());
        }
        return sb.toString();
    }

    /** The actions asked so far that start with {@code what}. */
    List<String> actions(String what) {
        return actions.stream().filter(a -> a.startsWith(what + " ")).toList();
    }

    // ---- what the test reports as the line ----

    void digits(String providerCallId, String digits) {
        for (char d : digits.toCharArray()) {
            events.digitReceived(providerCallId, d);
        }
    }

    void finished(String providerCallId, String operationId, MediaEndReason reason, Duration length) {
        events.mediaFinished(providerCallId, operationId, reason, length);
    }

    void finished(String providerCallId, String operationId, MediaEndReason reason) {
        finished(providerCallId, operationId, reason, Duration.ZERO);
    }

    void transferred(String providerCallId, String operationId, boolean succeeded, String reason) {
        events.transferFinished(providerCallId, operationId, succeeded, reason);
    }

    void disconnected(String providerCallId, DisconnectReason reason) {
        events.callDisconnected(providerCallId, reason);
    }

    void bridgeFailed(String bridgeId, String reason) {
        events.bridgeFailed(bridgeId, reason);
    }

    /** A call arrives; returns {providerCallId, callId}. */
    String[] newCall(String line, int mediaModes) {
        String id = name + "-" + seq.incrementAndGet();
        String callId = events.newCall(line, id, mediaModes, "caller", line);
        return new String[] {id, callId};
    }

    void state(String providerCallId, CallState state) {
        events.callStateChanged(providerCallId, state);
    }

    void hangUp(String providerCallId) {
        events.remoteHangup(providerCallId);
    }
}
