package dev.switchboard.core.sim;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderCapabilities;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderEvents;
import dev.switchboard.core.spi.ProviderResources;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embedded switch driven from code: place a call with given media modes, make the switch
 * "detect" a media mode, send digits, hang up. The default line provider for tests and demos.
 *
 * <p>Answer and drop act as a real switch would: an answered call becomes CONNECTED, a dropped
 * call becomes DISCONNECTED and then IDLE.
 */
public final class SimulatedSwitch implements LineProvider {
    private final String name;
    private final List<String> lines;
    private final ProviderCapabilities capabilities;
    private final AtomicLong callSeq = new AtomicLong();
    private final Set<String> liveCalls = ConcurrentHashMap.newKeySet();
    private volatile ProviderEvents events;

    /** A switch named {@code sim} serving {@code lines}, supporting handoff. */
    public SimulatedSwitch(List<String> lines) {
        this("sim", lines, true);
    }

    /**
     * @param supportsHandoff false makes every handoff on these lines fail with OPERATIONUNAVAIL (R13)
     */
    public SimulatedSwitch(String name, List<String> lines, boolean supportsHandoff) {
        this.name = Objects.requireNonNull(name, "name");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("simulated switch '" + name + "' needs at least one line");
        }
        this.lines = List.copyOf(lines);
        this.capabilities = new ProviderCapabilities(supportsHandoff, MediaMode.ALL_BITS, true);
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
        // driven from the caller's thread: the switch has no work of its own for the context's threads
        this.events = context.events();
    }

    @Override
    public void stop() {
        for (String call : List.copyOf(liveCalls)) {
            hangUp(call);
        }
        events = null;
    }

    // ---- driving the switch ----

    /**
     * A call arrives on {@code line} with the given media-mode bits.
     *
     * @return the switch's id for the call, used to drive it further
     */
    public String placeCall(String line, int mediaModes, String callerId) {
        String id = name + "-" + callSeq.incrementAndGet();
        liveCalls.add(id);
        try {
            started().newCall(line, id, mediaModes, callerId, line);
        } catch (RuntimeException e) {
            liveCalls.remove(id);
            throw e;
        }
        return id;
    }

    public String placeCall(String line, MediaMode... modes) {
        return placeCall(line, MediaMode.mask(modes), "sim-caller");
    }

    /** The switch detects {@code mode} on the call: a fax tone, a T.38 offer, ... (R17). */
    public void detect(String call, MediaMode mode) {
        started().mediaDetected(call, mode);
    }

    /** The caller presses these DTMF digits, one event each, in order (R18). */
    public void sendDigits(String call, String digits) {
        for (char d : digits.toCharArray()) {
            if ("0123456789*#ABCD".indexOf(d) < 0) {
                throw new IllegalArgumentException("'" + d + "' is not a DTMF digit");
            }
            started().digitReceived(call, d);
        }
    }

    /** The caller hangs up (R24). */
    public void hangUp(String call) {
        if (liveCalls.remove(call)) {
            started().remoteHangup(call);
        }
    }

    public Set<String> liveCalls() {
        return Set.copyOf(liveCalls);
    }

    // ---- what the core asks ----

    @Override
    public void answer(String providerCallId) {
        if (liveCalls.contains(providerCallId)) {
            started().callStateChanged(providerCallId, CallState.CONNECTED);
        }
    }

    @Override
    public void drop(String providerCallId) {
        if (liveCalls.remove(providerCallId)) {
            ProviderEvents ev = started();
            ev.callStateChanged(providerCallId, CallState.DISCONNECTED);
            ev.callStateChanged(providerCallId, CallState.IDLE);
        }
    }

    @Override
    public void mediaModeChanged(String providerCallId, int mediaModes) {
        // a simulated line carries any media; nothing to renegotiate
    }

    @Override
    public boolean hasCall(String providerCallId) {
        return liveCalls.contains(providerCallId);
    }

    @Override
    public ProviderResources resources() {
        return new ProviderResources(liveCalls.size(), 0);
    }

    private ProviderEvents started() {
        ProviderEvents ev = events;
        if (ev == null) {
            throw new IllegalStateException("simulated switch '" + name + "' is not started");
        }
        return ev;
    }
}
