package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderEvents;
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
        String id = engine.nextCallId();
        Call call = new Call(id, line, provider, providerCallId, callerId, calledId,
                engine.deliveryQueue(id + " on line " + line));
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

    @Override
    public void callStateChanged(String providerCallId, CallState state) {
        on(providerCallId, "state " + state, (m, fx) -> engine.rules().stateChanged(m, state, fx));
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
        on(providerCallId, "hang-up", engine.rules()::remoteHangup);
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
