package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.api.event.BridgeEndedEvent;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.core.spi.ProviderEvents;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** Turns one line provider's reports into rule applications on its calls. */
final class ProviderBinding implements ProviderEvents {
    final LineProvider provider;
    private final Engine engine;
    private final Set<String> lines;
    private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();

    ProviderBinding(Engine engine, LineProvider provider) {
        this.engine = engine;
        this.provider = provider;
        this.lines = Set.copyOf(provider.lines());
    }

    @Override
    public String newCall(String line, String providerCallId, int mediaModes, String callerId, String calledId) {
        if (!lines.contains(line)) {
            throw new SwitchboardException(TapiError.INVALLINE, "line provider " + provider.name()
                    + " reported a call on line '" + line + "', which it does not serve " + lines);
        }
        if (!MediaMode.isValidMask(mediaModes)) {
            throw new SwitchboardException(TapiError.INVALMEDIAMODE, "line provider " + provider.name()
                    + " reported call " + providerCallId + " with media modes " + MediaMode.describe(mediaModes));
        }
        long seq = engine.nextCallSeq();
        Call call = new Call(seq, line, provider, providerCallId, callerId, calledId,
                engine.deliveries("call-" + seq + " on line " + line));
        call.model = new CallModel(call, mediaModes, CallState.OFFERING);
        if (calls.putIfAbsent(providerCallId, call) != null) {
            throw new SwitchboardException(TapiError.OPERATIONFAILED, "line provider " + provider.name()
                    + " reported call " + providerCallId + " twice");
        }
        engine.register(call);
        engine.counters().callsOffered.increment();
        try {
            engine.always(call, engine.rules()::offerNewCall);
        } catch (RuntimeException e) {
            // the provider hears the failure and forgets the call: the core must not keep it
            engine.endInCore(call);
            throw e;
        }
        return call.id;
    }

    /**
     * A call the core makes (R30), registered before the provider is asked to place it. The core
     * names it, {@code out-call-N}, so that the provider's first report about it already finds it.
     */
    Call outboundCall(String line, String destination, int mediaModes) {
        long seq = engine.nextCallSeq();
        Call call = new Call(seq, line, provider, "out-call-" + seq, null, destination,
                engine.deliveries("call-" + seq + " on line " + line));
        call.model = new CallModel(call, mediaModes, CallState.DIALING);
        if (calls.putIfAbsent(call.providerCallId, call) != null) {
            throw new SwitchboardException(TapiError.OPERATIONFAILED, "line provider " + provider.name()
                    + " already has a call named " + call.providerCallId);
        }
        engine.register(call);
        return call;
    }

    boolean serves(String line) {
        return lines.contains(line);
    }

    @Override
    public void callStateChanged(String providerCallId, CallState state) {
        on(providerCallId, "state " + state, (m, fx) -> engine.rules().stateChanged(m, state, fx));
    }

    @Override
    public void callDisconnected(String providerCallId, DisconnectReason reason) {
        on(providerCallId, "disconnect " + reason,
                (m, fx) -> engine.rules().remoteHangup(m, reason == null ? DisconnectReason.UNKNOWN : reason, fx));
    }

    @Override
    public void mediaFinished(String providerCallId, String operationId, MediaEndReason reason, Duration recordedLength) {
        MediaEndReason r = reason == null ? MediaEndReason.FAILED : reason;
        Duration length = recordedLength == null || recordedLength.isNegative() ? Duration.ZERO : recordedLength;
        on(providerCallId, operationId + " finished " + r,
                (m, fx) -> engine.rules().media().finished(m, operationId, r, length, fx));
    }

    @Override
    public void transferFinished(String providerCallId, String operationId, boolean succeeded, String lineReason) {
        on(providerCallId, operationId + (succeeded ? " succeeded" : " failed"), (m, fx) -> engine.rules().control()
                .transferFinished(m, operationId, succeeded, lineReason == null ? "" : lineReason, fx));
    }

    @Override
    public void bridgeFailed(String bridgeId, String reason) {
        Bridge bridge = engine.rules().control().bridge(bridgeId);
        if (bridge == null) {
            Log.unknownProviderCall(provider.name(), bridgeId, "a failed bridge (" + reason + ")");
            return;
        }
        Log.bridgeFailed(bridge, provider.name(), reason);
        engine.always(bridge.a.call,
                (m, fx) -> engine.rules().control().bridgeEnded(m, bridge, BridgeEndedEvent.Reason.FAILED, fx));
    }

    @Override
    public void mediaDetected(String providerCallId, MediaMode mode) {
        on(providerCallId, "media " + mode, (m, fx) -> engine.rules().mediaDetected(m, mode, fx));
    }

    @Override
    public void digitReceived(String providerCallId, char digit) {
        on(providerCallId, "digit " + digit, (m, fx) -> engine.rules().digitReceived(m, digit, fx));
    }

    @Override
    public void remoteHangup(String providerCallId) {
        on(providerCallId, "hang-up", (m, fx) -> engine.rules().remoteHangup(m, DisconnectReason.NORMAL, fx));
    }

    @Override
    public void recoveryFacts(String providerCallId, Map<String, String> facts) {
        Call call = calls.get(providerCallId);
        if (call == null) {
            Log.unknownProviderCall(provider.name(), providerCallId, "recovery facts");
            return;
        }
        call.recoveryFacts = facts == null ? Map.of() : Map.copyOf(facts);
        engine.published(call);
    }

    void forget(Call call) {
        calls.remove(call.providerCallId, call);
    }

    private void on(String providerCallId, String what, BiConsumer<CallModel, Effects> change) {
        Call call = calls.get(providerCallId);
        if (call == null) {
            Log.unknownProviderCall(provider.name(), providerCallId, what);
            return;
        }
        engine.always(call, change);
    }
}
