package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.CallGuard.Wait;
import dev.switchboard.core.concurrent.SerialExecutor;
import dev.switchboard.core.priority.PriorityLists;
import dev.switchboard.core.priority.PriorityStore;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderTimer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What sessions, providers, deliveries and units of work share behind {@link Switchboard}'s
 * public door: the open applications, the live calls, the rules and the counters, and the one
 * way to work on a call, {@link #lockStep}.
 */
final class Engine {
    private final Directory directory;
    private final Rules rules;
    private final Executor deliveryExecutor;
    /** Where a delivery the executor refused is tried again; see {@link #deliveryQueue}. */
    private final ProviderTimer retryTimer;
    private final long lockTimeoutNanos;
    /** Filled while the switchboard is built, read-only afterwards. */
    private final Map<String, ProviderBinding> providers = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong callSeq = new AtomicLong();
    private final Counters counters = new Counters();

    Engine(PriorityStore priorityStore, Clock clock, Executor deliveryExecutor, ProviderTimer retryTimer,
           long lockTimeoutNanos) {
        this.directory = new Directory(new PriorityLists(priorityStore));
        this.rules = new Rules(directory, new HandleIds(), clock);
        this.deliveryExecutor = deliveryExecutor;
        this.retryTimer = retryTimer;
        this.lockTimeoutNanos = lockTimeoutNanos;
    }

    // ---- the lock step ----

    /**
     * The one way to change a call: lock it as {@code wait} says, run {@code change} with live
     * effects, unlock, and only then deliver the events it queued and run the provider actions it
     * asked for. Doing those outside the lock lets a handler act on the call again at once, and
     * keeps a slow application or provider from holding up the call's other work. If
     * {@code change} throws, the lock is released and nothing it queued goes out.
     */
    <R> R lockStep(Call call, Wait wait, Function<Effects, R> change) {
        LiveEffects fx = new LiveEffects(this, call);
        R result = locked(call, wait, () -> change.apply(fx));
        fx.afterUnlock();
        return result;
    }

    /**
     * The lock step without effects, for work under the call's lock that no application sees at
     * once: reads of the committed state, and a unit of work's decisions on a copy, its checks
     * and the end of its hold.
     */
    <R> R locked(Call call, Wait wait, Supplier<R> body) {
        call.guard.lock(wait, lockTimeoutNanos, call);
        try {
            return body.get();
        } finally {
            call.guard.unlock();
        }
    }

    /** Runs {@code op} for {@code app} on the live call, waiting while a unit of work other than {@code holder} holds it. */
    <R> R live(Call call, App app, UnitOfWork holder, Op<R> op) {
        return lockStep(call, Wait.unlessHeldBy(holder, app.name), fx -> op.apply(call.model, app, fx));
    }

    /** Runs a provider-reported or adapter-internal change, which never waits for a transaction (R24). */
    void always(Call call, BiConsumer<CallModel, Effects> change) {
        lockStep(call, Wait.NEVER, fx -> {
            if (!call.gone) {
                change.accept(call.model, fx);
            }
            return null;
        });
    }

    /**
     * The handle {@code ch} of the open application {@code app}. {@code operation} describes what
     * the application tried, for the message, and is only evaluated when one is needed, so that
     * a live handoff does not build a string it never uses.
     */
    Handle requireHandle(App app, CallHandle ch, Supplier<String> operation) {
        if (!app.open) {
            throw new SwitchboardException(TapiError.UNINITIALIZED, "application '" + app.name
                    + "' has closed its lines; it can no longer " + operation.get());
        }
        Handle h = ch == null ? null : app.handles.get(ch);
        if (h == null) {
            throw new SwitchboardException(TapiError.INVALCALLHANDLE, "handle " + ch + " is not a handle of application '"
                    + app.name + "' (never given to it, already deallocated, or another application's)");
        }
        return h;
    }

    // ---- deliveries and applications ----

    /** Delivers one event; a failed owner offer passes the call to the next application (R23). */
    void deliver(App app, Call call, CallEvent event) {
        if (!app.open) {
            return;
        }
        try {
            app.sink.deliver(event);
        } catch (Exception | Error e) {
            if (event instanceof CallStateEvent cs && cs.offersOwnership()) {
                Log.offerRefused(call, app.name, e);
                counters.offersRefused.increment();
                always(call, (m, fx) -> rules.offerRefused(m, app, event.handle(), fx));
            } else {
                Log.deliveryFailed(call, app.name, event, e);
            }
        }
    }

    void closeApplication(App app) {
        directory.close(app);
        for (Handle h : new ArrayList<>(app.handles.values())) {
            always(h.call, (m, fx) -> rules.applicationClosed(m, app, fx));
        }
        app.handles.clear();
    }

    // ---- providers and calls ----

    /** Binds a line provider; its name must be unique. Only while the switchboard is built. */
    ProviderBinding bind(LineProvider provider) {
        ProviderBinding binding = new ProviderBinding(this, provider);
        if (providers.putIfAbsent(provider.name(), binding) != null) {
            throw new IllegalArgumentException("two line providers are named '" + provider.name() + "'");
        }
        return binding;
    }

    Collection<ProviderBinding> providers() {
        return Collections.unmodifiableCollection(providers.values());
    }

    ProviderBinding provider(String name) {
        return providers.get(name);
    }

    String nextCallId() {
        return "call-" + callSeq.incrementAndGet();
    }

    void register(Call call) {
        calls.put(call.id, call);
    }

    /**
     * A new call's event queue. A drain the delivery executor refuses (a WorkManager whose queue is
     * full) is tried again on the timer until it is taken, never left for the call's next event:
     * after a hang-up there is none, and the applications would never hear IDLE, never deallocate,
     * and the call would stay for the life of the process.
     */
    SerialExecutor deliveryQueue(String callDescription) {
        return new SerialExecutor(deliveryExecutor, Log::deliveryLoopFailure, retryTimer,
                (attempt, retryIn, cause) -> Log.deliveryRefused(callDescription, attempt, retryIn, cause));
    }

    /**
     * Ends the call in the core alone, for a call its provider no longer has: every holder hears
     * DISCONNECTED (unless it already did) and IDLE, once (R24); then the call is forgotten even if
     * handles remain. They stay valid until their applications deallocate them.
     */
    void endInCore(Call call) {
        always(call, rules::remoteHangup);
        forget(call);
    }

    void forget(Call call) {
        calls.remove(call.id, call);
        ProviderBinding b = providers.get(call.provider.name());
        if (b != null) {
            b.forget(call);
        }
    }

    /** The live calls, in no particular order. */
    Collection<Call> calls() {
        return calls.values();
    }

    /** The live call with this id, or null. */
    Call call(String callId) {
        return callId == null ? null : calls.get(callId);
    }

    Rules rules() {
        return rules;
    }

    Counters counters() {
        return counters;
    }

    Directory directory() {
        return directory;
    }

    Executor deliveryExecutor() {
        return deliveryExecutor;
    }
}
