package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.priority.InMemoryPriorityStore;
import dev.switchboard.core.priority.PriorityLists;
import dev.switchboard.core.priority.PriorityStore;
import dev.switchboard.core.spi.LineProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The call-ownership engine: lines from line providers, applications that open them, calls and
 * the handles applications hold on them, and the rules of handoff. Knows nothing of JCA; the
 * resource adapter drives it.
 *
 * <p>Thread-safe. Each call has its own lock; different calls proceed in parallel. Events of one
 * call reach each application in the order they happened, on the delivery executor.
 */
public final class Switchboard implements AutoCloseable {
    private final Directory directory;
    private final Rules rules;
    private final Executor deliveryExecutor;
    private final long lockTimeoutNanos;
    private final Map<String, ProviderBinding> providers = new LinkedHashMap<>();
    private final Map<String, ProviderBinding> lines = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong callSeq = new AtomicLong();
    private final AtomicLong unitSeq = new AtomicLong();
    private final Counters counters = new Counters();
    private final OperatorFeed operatorFeed;
    private volatile boolean started;
    private volatile boolean closed;

    private Switchboard(Builder b) {
        this.directory = new Directory(new PriorityLists(b.priorityStore));
        this.rules = new Rules(directory, new HandleIds(), b.clock);
        this.deliveryExecutor = b.deliveryExecutor;
        this.lockTimeoutNanos = b.lockTimeout.toNanos();
        this.operatorFeed = new OperatorFeed(b.operatorExecutor == null ? b.deliveryExecutor : b.operatorExecutor,
                b.clock, counters, b.operatorHistorySize, OperatorFeed.DEFAULT_QUEUE_CAPACITY);
        for (LineProvider p : b.providers) {
            ProviderBinding binding = new ProviderBinding(this, p);
            if (providers.putIfAbsent(p.name(), binding) != null) {
                throw new IllegalArgumentException("two line providers are named '" + p.name() + "'");
            }
            for (String line : p.lines()) {
                ProviderBinding other = lines.putIfAbsent(line, binding);
                if (other != null) {
                    throw new IllegalArgumentException("line '" + line + "' is served by both provider '"
                            + other.provider.name() + "' and provider '" + p.name() + "'");
                }
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the line providers; calls may arrive from now on. */
    public synchronized Switchboard start() {
        if (!started) {
            started = true;
            for (ProviderBinding b : providers.values()) {
                b.provider.start(b);
            }
        }
        return this;
    }

    /** Stops the providers and closes every application. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ProviderBinding b : providers.values()) {
            b.provider.stop();
        }
        for (App app : new ArrayList<>(directory.apps())) {
            closeApplication(app);
        }
    }

    // ---- applications ----

    /**
     * Opens lines for an application (TAPI's lineOpen). From now on it is offered calls by R4-R6
     * and its events go to {@code sink}. Calls already up are not offered to it.
     */
    public ApplicationSession open(ApplicationSpec spec, EventSink sink) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sink, "sink");
        if (closed) {
            throw new SwitchboardException(TapiError.UNINITIALIZED, "the switchboard is closed; application '"
                    + spec.name() + "' cannot open lines");
        }
        for (String line : spec.lines()) {
            if (!ApplicationSpec.ALL_LINES.equals(line) && !lines.containsKey(line)) {
                throw new SwitchboardException(TapiError.INVALLINE, "application '" + spec.name()
                        + "' opens line '" + line + "', which no line provider serves; known lines: " + lines.keySet());
            }
        }
        return new ApplicationSession(this, directory.open(spec, sink));
    }

    /** Whether an application of that name is open. */
    public boolean isOpen(String application) {
        return directory.app(application) != null;
    }

    // ---- what operators see and do ----

    /** Every line with its provider. */
    public List<LineInfo> lines() {
        List<LineInfo> out = new ArrayList<>();
        lines.forEach((line, b) -> out.add(new LineInfo(line, b.provider.name(), b.provider.capabilities())));
        return out;
    }

    /** The provider named {@code name}, for example to drive the simulated switch. */
    public Optional<LineProvider> provider(String name) {
        ProviderBinding b = providers.get(name);
        return b == null ? Optional.empty() : Optional.of(b.provider);
    }

    /** Every live call, unowned ones (R7) included, oldest first. */
    public List<CallView> calls() {
        List<CallView> out = new ArrayList<>();
        for (Call call : calls.values()) {
            CallView s = snapshot(call);
            if (s != null) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong(s -> Long.parseLong(s.callId().substring(5))));
        return out;
    }

    public Optional<CallView> call(String callId) {
        Call call = calls.get(callId);
        return call == null ? Optional.empty() : Optional.ofNullable(snapshot(call));
    }

    /** The administrator's priority lists (R1-R3). */
    public PriorityLists priorityLists() {
        return directory.adminLists();
    }

    /** R1: the applications that would get a call of {@code mode} on {@code line}, first first. */
    public List<String> effectivePriority(String line, MediaMode mode) {
        return directory.effectiveOrder(line, mode);
    }

    /** An operator gives an (unowned, R7) call to an application that opened its line as OWNER. */
    public void assignOwner(String callId, String application) {
        Call call = requireCall(callId);
        App app = directory.ownerOnLine(application, call.line);
        if (app == null) {
            throw new SwitchboardException(TapiError.INVALAPPNAME, "call " + call + ": application '" + application
                    + "' is not open as an owner on line " + call.line);
        }
        LiveEffects fx = new LiveEffects(this, call);
        call.guard.lockFor(null, lockTimeoutNanos, call, "operator");
        try {
            if (call.model.state == CallState.IDLE) {
                throw new SwitchboardException(TapiError.INVALCALLSTATE, "call " + call + " is IDLE");
            }
            Handle h = call.model.handleOf(app);
            if (h == null || h.privilege != Privilege.OWNER) {
                rules.giveOwnership(call.model, app, null, fx);
            }
            fx.settle();
        } finally {
            call.guard.unlock();
        }
        fx.afterUnlock();
    }

    /** An operator drops a call through its line provider. */
    public void dropCall(String callId) {
        Call call = requireCall(callId);
        call.provider.drop(call.providerCallId);
    }

    /** Gauges of now and counts since start, for monitoring (JMX in the resource adapter). */
    public SwitchboardStatistics statistics() {
        int unowned = 0;
        for (CallView c : calls()) {
            if (c.isUnowned()) {
                unowned++;
            }
        }
        return new SwitchboardStatistics(lines.size(), directory.apps().size(), calls.size(), unowned,
                counters.callsOffered.sum(), counters.handoffsSucceeded.sum(), counters.handoffsTargetNotFound.sum(),
                counters.handoffsTargetSelf.sum(), counters.handoffsRolledBack.sum(), counters.offersRefused.sum(),
                counters.transactionsCommitted.sum(), counters.transactionsRolledBack.sum());
    }

    /** What operators are told: call events, handoff outcomes, unowned calls; and the recent history of them. */
    public OperatorFeed operatorFeed() {
        return operatorFeed;
    }

    /** Starts staging changes for a transaction (R21). */
    public UnitOfWork beginUnitOfWork(String name) {
        return new UnitOfWork(this, name == null ? "uow-" + unitSeq.incrementAndGet() : name);
    }

    // ---- internals used by sessions, providers and deliveries ----

    long lockTimeoutNanos() {
        return lockTimeoutNanos;
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

    String nextCallId() {
        return "call-" + callSeq.incrementAndGet();
    }

    void register(Call call) {
        calls.put(call.id, call);
    }

    void forget(Call call) {
        calls.remove(call.id, call);
        ProviderBinding b = providers.get(call.provider.name());
        if (b != null) {
            b.forget(call);
        }
    }

    Executor deliveryExecutor() {
        return deliveryExecutor;
    }

    /**
     * Runs {@code op} for {@code app} on the call behind {@code ch}: live, or staged in {@code uow}.
     * {@code operation} describes it for messages and is only evaluated when one is needed, so that
     * a live handoff does not build a string it never uses.
     */
    <R> R act(App app, CallHandle ch, UnitOfWork uow, Supplier<String> operation, Op<R> op) {
        if (!app.open) {
            throw new SwitchboardException(TapiError.UNINITIALIZED, "application '" + app.name
                    + "' has closed its lines; it can no longer " + operation.get());
        }
        Handle h = ch == null ? null : app.handles.get(ch);
        if (h == null) {
            throw new SwitchboardException(TapiError.INVALCALLHANDLE, "handle " + ch + " is not a handle of application '"
                    + app.name + "' (never given to it, already deallocated, or another application's)");
        }
        return uow == null ? live(h.call, app, null, op) : uow.stage(h.call, app, operation.get(), op);
    }

    /** Runs {@code op} on the live call, waiting while a unit of work other than {@code holder} holds it. */
    <R> R live(Call call, App app, UnitOfWork holder, Op<R> op) {
        LiveEffects fx = new LiveEffects(this, call);
        call.guard.lockFor(holder, lockTimeoutNanos, call, app.name);
        R result;
        try {
            result = op.apply(call.model, app, fx);
            fx.settle();
        } finally {
            call.guard.unlock();
        }
        fx.afterUnlock();
        return result;
    }

    /** Runs a provider-reported or adapter-internal change, which never waits for a transaction. */
    void always(Call call, java.util.function.BiConsumer<CallModel, Effects> change) {
        LiveEffects fx = new LiveEffects(this, call);
        call.guard.lockAlways();
        try {
            if (!call.gone) {
                change.accept(call.model, fx);
                fx.settle();
            }
        } finally {
            call.guard.unlock();
        }
        fx.afterUnlock();
    }

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

    private Call requireCall(String callId) {
        Call call = callId == null ? null : calls.get(callId);
        if (call == null) {
            throw new SwitchboardException(TapiError.INVALCALLHANDLE, "no live call has id '" + callId + "'");
        }
        return call;
    }

    private CallView snapshot(Call call) {
        call.guard.lockAlways();
        try {
            CallModel m = call.model;
            if (m == null || call.gone) {
                return null;
            }
            List<String> owners = new ArrayList<>();
            List<String> monitors = new ArrayList<>();
            for (Handle h : m.handles) {
                (h.isOwner() ? owners : monitors).add(h.app.name);
            }
            return new CallView(call.id, call.line, call.provider.name(), call.providerCallId, m.mediaModes, m.state,
                    List.copyOf(owners), List.copyOf(monitors), call.callerId, call.calledId);
        } finally {
            call.guard.unlock();
        }
    }

    /** How to build a switchboard. */
    public static final class Builder {
        private final List<LineProvider> providers = new ArrayList<>();
        private PriorityStore priorityStore = new InMemoryPriorityStore();
        private Executor deliveryExecutor = Runnable::run;
        private Duration lockTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private Executor operatorExecutor;
        private int operatorHistorySize = OperatorFeed.DEFAULT_HISTORY_SIZE;

        private Builder() {
        }

        public Builder provider(LineProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Where the administrator's priority lists are kept (R3); in memory by default. */
        public Builder priorityStore(PriorityStore store) {
            this.priorityStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Runs event deliveries; each call's events are delivered one at a time, in order, whatever
         * the executor. The default delivers on the thread that caused the event.
         */
        public Builder deliveryExecutor(Executor executor) {
            this.deliveryExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** How long an operation waits for a call another transaction holds (R22). */
        public Builder lockTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the lock timeout must be positive, not " + timeout);
            }
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * Runs the deliveries of operator events, each subscriber's one at a time; the delivery
         * executor by default. Give one that does not run on the caller's thread, or a slow
         * subscriber will hold up the thread that changed a call.
         */
        public Builder operatorExecutor(Executor executor) {
            this.operatorExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** How many handoff outcomes and unowned calls the operator history keeps (200 by default). */
        public Builder operatorHistorySize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("the operator history size must not be negative, not " + size);
            }
            this.operatorHistorySize = size;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Switchboard build() {
            if (providers.isEmpty()) {
                throw new IllegalStateException("a switchboard needs at least one line provider");
            }
            return new Switchboard(this);
        }
    }
}
