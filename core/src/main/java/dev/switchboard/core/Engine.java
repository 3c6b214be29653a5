package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.CallGuard.Wait;
import dev.switchboard.core.concurrent.SerialExecutor;
import dev.switchboard.core.priority.PriorityLists;
import dev.switchboard.core.priority.PriorityStore;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderFeature;
import dev.switchboard.core.spi.ProviderTimer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
    /**
     * The core's own timeouts (gathers, recordings) and the retries of deliveries the executor
     * refused wait here; the same timer the line providers get, so that in the adapter they wait on
     * the container's timer.
     */
    private final ProviderTimer timer;
    private final long lockTimeoutNanos;
    /** Filled while the switchboard is built, read-only afterwards. */
    private final Map<String, ProviderBinding> providers = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong callSeq = new AtomicLong();
    /** Media operations, transfers and bridges are numbered across the switchboard (op-1, bridge-1). */
    private final AtomicLong operationSeq = new AtomicLong();
    private final Counters counters = new Counters();
    private final OperatorFeed operatorFeed;
    /** Set once when the switchboard is in a cluster, before the providers start; null on a single node. */
    private volatile ClusterLink clusterLink;

    /**
     * @param timer the core's timeouts (gathers, recordings) wait here; the same timer the line
     *              providers get, so that in the adapter they wait on the container's timer
     */
    Engine(PriorityStore priorityStore, Clock clock, Executor deliveryExecutor, ProviderTimer timer,
           long lockTimeoutNanos, Executor operatorExecutor, int operatorHistorySize) {
        this.directory = new Directory(new PriorityLists(priorityStore));
        this.rules = new Rules(directory, new HandleIds(), clock);
        this.deliveryExecutor = deliveryExecutor;
        this.timer = timer;
        this.lockTimeoutNanos = lockTimeoutNanos;
        this.operatorFeed = new OperatorFeed(operatorExecutor, clock, counters, operatorHistorySize,
                OperatorFeed.DEFAULT_QUEUE_CAPACITY);
    }

    // ---- the lock step ----

    void link(ClusterLink link) {
        this.clusterLink = link;
    }

    ClusterLink clusterLink() {
        return clusterLink;
    }

    /** Marks the call for the cluster's directory (a set add; the write happens later, elsewhere). */
    void published(Call call) {
        ClusterLink link = clusterLink;
        if (link != null) {
            link.changed(call);
        }
    }

    /**
     * The one way to change a call: lock it as {@code wait} says, run {@code change} with live
     * effects, unlock, and only then deliver the events it queued and run the provider actions it
     * asked for. Doing those outside the lock lets a handler act on the call again at once, and
     * keeps a slow application or provider from holding up the call's other work. If
     * {@code change} throws, the lock is released and nothing it queued goes out.
     */
    <R> R lockStep(Call call, Wait wait, Function<Effects, R> change) {
        return step(call, wait, null, (m, app, fx) -> change.apply(fx));
    }

    /**
     * {@link #lockStep} for {@code op} by {@code app}. Locks and unlocks in place rather than
     * through {@link #locked}: every application's operation comes this way, and the lambdas
     * that would carry the operation into the lock are garbage on every handoff.
     */
    private <R> R step(Call call, Wait wait, App app, Op<R> op) {
        Batch batch = new Batch(this);
        LiveEffects fx = batch.fx(call);
        R result;
        call.guard.lock(wait, lockTimeoutNanos, call);
        try {
            result = op.apply(call.model, app, fx);
            batch.settle();
        } finally {
            call.guard.unlock();
        }
        batch.afterUnlock();
        published(call);
        return result;
    }

    /**
     * The lock step over several calls (a bridge, R31; a transaction's commit, R32): locks them in
     * the order of their numbers, so that two such steps never wait for each other in a circle,
     * runs {@code change} with live effects per call ({@link Batch#fx}), unlocks, then delivers and
     * runs the provider actions in the order they were asked for.
     */
    <R> R lockStepAll(Collection<Call> calls, Wait wait, Function<Batch, R> change) {
        return lockStepAll(calls, wait, new Batch(this), change);
    }

    /**
     * {@link #lockStepAll} with a batch made by the caller (a committing unit of work's, whose
     * effects report handoffs as committed). What operators must hear is settled while the locks
     * are still held, so that each call's operator events keep the order of its changes.
     */
    <R> R lockStepAll(Collection<Call> calls, Wait wait, Batch batch, Function<Batch, R> change) {
        R result = lockedAll(calls, wait, () -> {
            R r = change.apply(batch);
            batch.settle();
            return r;
        });
        batch.afterUnlock();
        for (Call c : calls) {
            published(c);
        }
        return result;
    }

    /** {@link #locked} over several calls, locked in the order of their numbers and unlocked in reverse. */
    <R> R lockedAll(Collection<Call> calls, Wait wait, Supplier<R> body) {
        List<Call> order = new ArrayList<>(new LinkedHashSet<>(calls));
        order.sort(Comparator.comparingLong(c -> c.seq));
        int locked = 0;
        try {
            for (Call c : order) {
                c.guard.lock(wait, lockTimeoutNanos, c);
                locked++;
            }
            return body.get();
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                order.get(i).guard.unlock();
            }
        }
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
        return step(call, holder == null ? app.outsideTransaction : Wait.unlessHeldBy(holder, app.name), app, op);
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
    void deliver(App app, Call call, CallEvent event, long madeAtNanos, long readyAtNanos) {
        if (!app.open) {
            return;
        }
        try {
            app.sink.deliver(event, madeAtNanos, readyAtNanos);
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

    long nextCallSeq() {
        return callSeq.incrementAndGet();
    }

    String nextOperationId() {
        return "op-" + operationSeq.incrementAndGet();
    }

    String nextBridgeId() {
        return "bridge-" + operationSeq.incrementAndGet();
    }

    /** The binding of the provider serving {@code line}, or null. */
    ProviderBinding bindingFor(String line) {
        for (ProviderBinding b : providers.values()) {
            if (b.serves(line)) {
                return b;
            }
        }
        return null;
    }

    // ---- making calls (R30) ----

    /**
     * Whether {@code app} may make a call on {@code line} to {@code destination}: the checks of R30
     * that need no call, the same when asked, at a transaction's prepare and at its commit.
     */
    ProviderBinding checkMakeCall(App app, String line, String destination, int mediaModes) {
        String who = "application '" + app.name + "'";
        if (!app.open) {
            throw new SwitchboardException(TapiError.UNINITIALIZED, who + " has closed its lines; it can no longer"
                    + " make calls");
        }
        ProviderBinding b = line == null ? null : bindingFor(line);
        if (b == null) {
            throw new SwitchboardException(TapiError.INVALLINE, who + " cannot make a call on line '" + line
                    + "', which no line provider serves");
        }
        if (!app.spec.isOwner() || !app.spec.opens(line)) {
            throw new SwitchboardException(TapiError.INVALLINE, who + " cannot make a call on line '" + line
                    + "': it has not opened that line as OWNER");
        }
        if (!MediaMode.isValidMask(mediaModes)) {
            throw new SwitchboardException(TapiError.INVALMEDIAMODE, who + ": a call made on line '" + line
                    + "' needs media modes, not " + MediaMode.describe(mediaModes));
        }
        if (!b.provider.capabilities().supports(ProviderFeature.MAKE_CALL)) {
            throw new SwitchboardException(TapiError.OPERATIONUNAVAIL, who + ": line provider " + b.provider.name()
                    + " of line '" + line + "' cannot make calls");
        }
        if (destination == null || destination.isBlank()) {
            throw new SwitchboardException(TapiError.INVALPARAM, who + ": a call made on line '" + line
                    + "' needs a destination, not '" + destination + "'");
        }
        return b;
    }

    /**
     * R30: registers a new outbound call owned by {@code app} alone, on {@code handle}, with MONITOR
     * handles for the line's monitors, and asks the provider to place it once {@code batch} is done.
     */
    Call makeCall(Batch batch, App app, String line, String destination, int mediaModes, CallHandle handle) {
        ProviderBinding b = checkMakeCall(app, line, destination, mediaModes);
        Call call = b.outboundCall(line, destination, mediaModes);
        locked(call, Wait.NEVER, () -> {
            rules.control().offerOutbound(call.model, app, handle, destination, batch.fx(call));
            return null;
        });
        return call;
    }

    ProviderTimer timer() {
        return timer;
    }

    void register(Call call) {
        calls.put(call.id, call);
    }

    /**
     * A new call's event queues, one per application it gives events to. A drain the delivery
     * executor refuses (a WorkManager whose queue is full) is tried again on the timer until it is
     * taken, never left for the call's next event: after a hang-up there is none, and the
     * applications would never hear IDLE, never deallocate, and the call would stay for the life of
     * the process.
     */
    CallDeliveries deliveries(String callDescription) {
        return new CallDeliveries(this::deliveryQueue, callDescription);
    }

    private SerialExecutor deliveryQueue(String callDescription) {
        return new SerialExecutor(deliveryExecutor, Log::deliveryLoopFailure, timer,
                (attempt, retryIn, cause) -> Log.deliveryRefused(callDescription, attempt, retryIn, cause));
    }

    /**
     * Ends the call in the core alone, for a call its provider no longer has: every holder hears
     * DISCONNECTED (unless it already did) and IDLE, once (R24); then the call is forgotten even if
     * handles remain. They stay valid until their applications deallocate them.
     */
    void endInCore(Call call) {
        always(call, (m, fx) -> rules.remoteHangup(m, DisconnectReason.UNKNOWN, fx)); // the line did not say why
        forget(call);
    }

    void forget(Call call) {
        calls.remove(call.id, call);
        published(call);
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

    OperatorFeed operatorFeed() {
        return operatorFeed;
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
