package dev.switchboard.core.sim;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderCapabilities;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderEvents;
import java.time.Clock;
import java.time.Duration;
import dev.switchboard.core.spi.ProviderResources;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embedded switch driven from code: place a call with given media modes, make the switch
 * "detect" a media mode, send digits, hang up. The default line provider for tests and demos; it
 * offers its driving side as a {@link Simulator}.
 *
 * <p>Answer and drop act as a real switch would: an answered call becomes CONNECTED, a dropped
 * call becomes DISCONNECTED and then IDLE.
 *
 * <p>It also plays, records, generates digits, redirects, transfers, places and bridges calls
 * (R25-R33) the way {@link SimulatedCallControl} describes: prompts take their length, recordings
 * are real WAV files, and destinations behave by their names ({@code busy@...}, {@code noanswer@...},
 * {@code reject@...}, {@code unreachable@...}, {@code fail@...}; anything else answers, after
 * ringing two seconds). Its time passes on the timer it is started with and on its clock.
 */
public final class SimulatedSwitch implements LineProvider, Simulator {
    /** The recovery facts an answered simulated call reports: the switch's name and its call id. */
    public static final String FACT_SWITCH = "sim.switch";
    public static final String FACT_CALL = "sim.call";
    private final String name;
    private final List<String> lines;
    private final ProviderCapabilities capabilities;
    private final AtomicLong callSeq = new AtomicLong();
    private final Set<String> liveCalls = ConcurrentHashMap.newKeySet();
    private final SimulatedCallControl callControl;
    private volatile ProviderEvents events;
    private final List<Map<String, String>> endedOrphans = new CopyOnWriteArrayList<>();

    /** A switch named {@code sim} serving {@code lines}, supporting handoff. */
    public SimulatedSwitch(List<String> lines) {
        this("sim", lines, true);
    }

    /**
     * @param supportsHandoff false makes every handoff on these lines fail with OPERATIONUNAVAIL (R13)
     */
    public SimulatedSwitch(String name, List<String> lines, boolean supportsHandoff) {
        this(name, lines, supportsHandoff, Clock.systemUTC());
    }

    /**
     * @param clock how the switch measures recordings; a test gives the one it advances together
     *              with the timer the switch is started with
     */
    public SimulatedSwitch(String name, List<String> lines, boolean supportsHandoff, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("simulated switch '" + name + "' needs at least one line");
        }
        this.lines = List.copyOf(lines);
        this.capabilities = new ProviderCapabilities(supportsHandoff, MediaMode.ALL_BITS, true,
                SimulatedCallControl.FEATURES);
        this.callControl = new SimulatedCallControl(name, liveCalls, Objects.requireNonNull(clock, "clock"));
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
        // Driven from the caller's thread; only its media and the calls it places wait on the context's timer.
        this.events = context.events();
        callControl.start(context);
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
     * @return the switch's id for the call, used to drive it further, and the switchboard's call id
     */
    @Override
    public SimulatedCall placeCall(String line, int mediaModes, String callerId) {
        if (!lines.contains(line)) {
            throw new SwitchboardException(TapiError.OPERATIONUNAVAIL, "simulated switch '" + name
                    + "' serves no line '" + line + "'; its lines: " + lines);
        }
        String id = name + "-" + callSeq.incrementAndGet();
        liveCalls.add(id);
        try {
            return new SimulatedCall(id, started().newCall(line, id, mediaModes, callerId, line));
        } catch (RuntimeException e) {
            liveCalls.remove(id);
            throw e;
        }
    }

    public SimulatedCall placeCall(String line, MediaMode... modes) {
        return placeCall(line, MediaMode.mask(modes), "sim-caller");
    }

    @Override
    public void detect(String call, MediaMode mode) {
        started().mediaDetected(call, mode);
    }

    @Override
    public void sendDigits(String call, String digits) {
        for (char d : digits.toCharArray()) {
            if ("0123456789*#ABCD".indexOf(d) < 0) {
                throw new IllegalArgumentException("'" + d + "' is not a DTMF digit");
            }
            started().digitReceived(call, d);
        }
    }

    @Override
    public void hangUp(String call) {
        if (liveCalls.remove(call)) {
            callControl.callEnding(call, MediaEndReason.HANGUP);
            started().remoteHangup(call);
        }
    }

    @Override
    public void speak(String call, Duration length) {
        callControl.speak(call, length);
    }

    @Override
    public List<String> played(String call) {
        return callControl.played(call);
    }

    @Override
    public Optional<String> bridgedTo(String call) {
        return callControl.bridgedTo(call);
    }

    @Override
    public Set<String> liveCalls() {
        return Set.copyOf(liveCalls);
    }

    // ---- what the core asks ----

    @Override
    public void answer(String providerCallId) {
        if (liveCalls.contains(providerCallId)) {
            ProviderEvents ev = started();
            ev.callStateChanged(providerCallId, CallState.CONNECTED);
            // what a surviving node of a cluster needs to end the call, as a real line would report its dialog
            ev.recoveryFacts(providerCallId, Map.of(FACT_SWITCH, name, FACT_CALL, providerCallId));
        }
    }

    /**
     * Ends a call another node's simulated switch answered before that node left the cluster:
     * recorded in {@link #endedOrphans()}, as a SIP line would send its BYE.
     */
    @Override
    public boolean endOrphan(Map<String, String> facts) {
        if (!name.equals(facts.get(FACT_SWITCH)) || facts.get(FACT_CALL) == null) {
            return false;
        }
        endedOrphans.add(Map.copyOf(facts));
        return true;
    }

    /** The recovery facts of every call of another node this switch ended ({@link #endOrphan}), oldest first. */
    public List<Map<String, String>> endedOrphans() {
        return List.copyOf(endedOrphans);
    }

    @Override
    public void drop(String providerCallId) {
        if (liveCalls.remove(providerCallId)) {
            callControl.callEnding(providerCallId, MediaEndReason.HANGUP);
            ProviderEvents ev = started();
            ev.callStateChanged(providerCallId, CallState.DISCONNECTED);
            ev.callStateChanged(providerCallId, CallState.IDLE);
        }
    }

    @Override
    public void mediaModeChanged(String providerCallId, int mediaModes) {
        // a simulated line carries any media; nothing to renegotiate
    }

    // ---- call control and media (R25-R33), carried out by SimulatedCallControl ----

    @Override
    public void play(String providerCallId, String operationId, List<Prompt> prompts) {
        callControl.play(providerCallId, operationId, prompts);
    }

    @Override
    public void record(String providerCallId, String operationId, RecordRequest request) {
        callControl.record(providerCallId, operationId, request);
    }

    @Override
    public void generateDigits(String providerCallId, String operationId, String digits) {
        callControl.generateDigits(providerCallId, operationId, digits);
    }

    @Override
    public void stopMedia(String providerCallId, String operationId) {
        callControl.stopMedia(providerCallId, operationId);
    }

    @Override
    public void redirect(String providerCallId, String operationId, String destination) {
        callControl.redirect(providerCallId, operationId, destination);
    }

    @Override
    public void blindTransfer(String providerCallId, String operationId, String destination) {
        callControl.blindTransfer(providerCallId, operationId, destination);
    }

    @Override
    public void makeCall(String providerCallId, String line, String destination, int mediaModes) {
        callControl.makeCall(providerCallId, destination);
    }

    @Override
    public void bridge(String bridgeId, String providerCallIdA, String providerCallIdB) {
        callControl.bridge(bridgeId, providerCallIdA, providerCallIdB);
    }

    @Override
    public void unbridge(String bridgeId) {
        callControl.unbridge(bridgeId);
    }

    /** The ids of the bridges the switch carries now. */
    public Set<String> bridges() {
        return callControl.bridgeIds();
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
