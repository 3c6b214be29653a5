package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderCapabilities;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderEvents;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A line provider the test drives state by state (ACCEPTED, ONHOLD, DISCONNECTED alone, ...),
 * recording what the core asks of it. Unlike the simulated switch it does not act on answer or drop.
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

    ScriptedProvider(String name, List<String> lines) {
        this(name, lines, new ProviderCapabilities(true, MediaMode.ALL_BITS, true));
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
