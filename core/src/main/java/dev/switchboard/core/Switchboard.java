package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.ClusterCallView;
import dev.switchboard.core.CallGuard.Wait;
import dev.switchboard.core.cluster.Cluster;
import dev.switchboard.core.cluster.OperatorCommand;
import dev.switchboard.core.priority.InMemoryPriorityStore;
import dev.switchboard.core.priority.PriorityLists;
import dev.switchboard.core.priority.PriorityStore;
import dev.switchboard.core.concurrent.StandaloneThreads;
import dev.switchboard.core.latency.LatencyRecorders;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderEvents;
import dev.switchboard.core.spi.ProviderResources;
import dev.switchboard.core.spi.ProviderTimer;
import dev.switchboard.core.spi.QueueingDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The call-ownership switchboard's public door: lines from line providers, applications that
 * open them, what operators see and do, and units of work. Knows nothing of JCA; the resource
 * adapter drives it. The machinery behind the door (calls, rules, the lock step, deliveries) is
 * the package's {@link Engine}.
 *
 * <p>Thread-safe. Each call has its own lock; different calls proceed in parallel. Events of one
 * call reach each application in the order they happened, on the delivery executor.
 */
public final class Switchboard implements AutoCloseable {
    /** How long a change waits for a call another transaction holds (R22) unless the builder is told otherwise. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    private final Engine engine;
    private final Map<String, ProviderBinding> lines = new LinkedHashMap<>();
    private final AtomicLong unitSeq = new AtomicLong();
    /** Each provider's start context: its events, and the threads the builder was given. */
    private final Function<ProviderEvents, ProviderContext> providerContexts;
    /** The providers' threads when the builder was given none; closed with the switchboard. */
    private final StandaloneThreads ownProviderThreads;
    private final LatencyRecorders latencies = new LatencyRecorders();
    private final Cluster cluster;
    private volatile boolean started;
    private volatile boolean closed;

    private Switchboard(Builder b) {
        ProviderTimer timer;
        if (b.providerExecutor == null) {
            StandaloneThreads own = new StandaloneThreads("switchboard-provider-");
            this.ownProviderThreads = own;
            this.providerContexts = events -> new ProviderContext(events, own.executor(), own.longRunningExecutor(),
                    own.timer(), latencies);
            timer = own.timer();
        } else {
            this.ownProviderThreads = null;
            this.providerContexts = events -> new ProviderContext(events, b.providerExecutor, b.providerLongRunning,
                    b.providerTimer, latencies, b.queueingDelay);
            timer = b.providerTimer;
        }
        // The core's own timeouts (a gather's digit timeouts, a recording's maximum duration) wait on
        // the providers' timer, so that in the adapter they too wait on the container's timer.
        this.engine = new Engine(b.priorityStore, b.clock, b.deliveryExecutor, timer, b.lockTimeout.toNanos(),
                b.operatorExecutor == null ? b.deliveryExecutor : b.operatorExecutor, b.operatorHistorySize);
        this.cluster = b.cluster;
        if (!b.cluster.isSingleNode()) {
            engine.link(new ClusterLink(engine, b.cluster, this::snapshot));
        }
        for (LineProvider p : b.providers) {
            ProviderBinding binding = engine.bind(p);
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
            for (ProviderBinding b : engine.providers()) {
                b.provider.start(providerContexts.apply(b));
            }
            ClusterLink link = engine.clusterLink();
            if (link != null) {
                cluster.commands().onCommand(command -> link.later(Duration.ZERO, () -> carryOut(command)));
                link.start();
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
        ClusterLink link = engine.clusterLink();
        if (link != null) {
            link.close();
        }
        for (ProviderBinding b : engine.providers()) {
            b.provider.stop();
        }
        if (ownProviderThreads != null) {
            ownProviderThreads.close();
        }
        for (App app : new ArrayList<>(engine.directory().apps())) {
            engine.closeApplication(app);
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
        return new ApplicationSession(engine, engine.directory().open(spec, sink));
    }

    /** Whether an application of that name is open. */
    public boolean isOpen(String application) {
        return engine.directory().app(application) != null;
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
        ProviderBinding b = engine.provider(name);
        return b == null ? Optional.empty() : Optional.of(b.provider);
    }

    /** Every live call, unowned ones (R7) included, oldest first. */
    public List<CallView> calls() {
        List<CallView> out = new ArrayList<>();
        for (Call call : engine.calls()) {
            CallView s = snapshot(call);
            if (s != null) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong(s -> Long.parseLong(s.callId().substring(5))));
        return out;
    }

    public Optional<CallView> call(String callId) {
        Call call = engine.call(callId);
        return call == null ? Optional.empty() : Optional.ofNullable(snapshot(call));
    }

    // ---- the cluster ----

    /** This node's name in the cluster; on a single node, the name it was built with. */
    public String node() {
        return cluster.localNode();
    }

    /**
     * Every live call of the cluster: this node's first, as {@link #calls()} has them, then the
     * other nodes' from the call directory (a moment behind their own view, see
     * {@link Cluster#publishDelay}).
     */
    public List<ClusterCallView> clusterCalls() {
        ClusterLink link = engine.clusterLink();
        if (link == null) {
            String node = node();
            return calls().stream().map(c -> new ClusterCallView(node, false, c)).toList();
        }
        return link.clusterCalls(calls());
    }

    /**
     * {@link #dropCall(String)} on the node that holds the call: here when {@code node} is null or
     * this node, else sent there; that node drops it a moment later.
     *
     * @throws SwitchboardException INVALCALLHANDLE when the directory has no such call on that node
     */
    public void dropCall(String node, String callId) {
        if (isLocal(node)) {
            dropCall(callId);
        } else {
            send(new OperatorCommand(node, OperatorCommand.Action.DROP, callId, null, null));
        }
    }

    /** {@link #assignOwner(String, String)} on the node that holds the call, like {@link #dropCall(String, String)}. */
    public void assignOwner(String node, String callId, String application) {
        if (isLocal(node)) {
            assignOwner(callId, application);
        } else {
            send(new OperatorCommand(node, OperatorCommand.Action.ASSIGN, callId, application, null));
        }
    }

    private boolean isLocal(String node) {
        return node == null || node.equals(node());
    }

    private void send(OperatorCommand command) {
        if (cluster.directory().entry(command.node(), command.callId()) == null) {
            throw new SwitchboardException(TapiError.INVALCALLHANDLE, "no live call has id '" + command.callId()
                    + "' on node '" + command.node() + "' (the cluster's call directory has none)");
        }
        try {
            cluster.commands().send(command);
        } catch (IllegalStateException e) {
            throw new SwitchboardException(TapiError.RESOURCEUNAVAIL, "the operator's command on call "
                    + command.callId() + " cannot reach node '" + command.node() + "': " + e.getMessage(), e);
        }
    }

    /** A command another node's operator sent here, carried out as if given on this node. */
    private void carryOut(OperatorCommand command) {
        try {
            switch (command.action()) {
                case DROP -> dropCall(command.callId());
                case ASSIGN -> assignOwner(command.callId(), command.application());
            }
        } catch (RuntimeException e) {
            Log.remoteCommandFailed(command, e);
        }
    }

    /** The administrator's priority lists (R1-R3). */
    public PriorityLists priorityLists() {
        return engine.directory().adminLists();
    }

    /** R1: the applications that would get a call of {@code mode} on {@code line}, first first. */
    public List<String> effectivePriority(String line, MediaMode mode) {
        return engine.directory().effectiveOrder(line, mode);
    }

    /** An operator gives an (unowned, R7) call to an application that opened its line as OWNER. */
    public void assignOwner(String callId, String application) {
        Call call = requireCall(callId);
        App app = engine.directory().ownerOnLine(application, call.line);
        if (app == null) {
            throw new SwitchboardException(TapiError.INVALAPPNAME, "call " + call + ": application '" + application
                    + "' is not open as an owner on line " + call.line);
        }
        engine.lockStep(call, Wait.unlessHeldBy(null, "operator"), fx -> {
            if (call.model.state == CallState.IDLE) {
                throw new SwitchboardException(TapiError.INVALCALLSTATE, "call " + call + " is IDLE");
            }
            Handle h = call.model.handleOf(app);
            if (h == null || h.privilege != Privilege.OWNER) {
                engine.rules().giveOwnership(call.model, app, null, fx);
            }
            return null;
        });
    }

    /**
     * An operator drops a call, whatever state it is in. A call its line provider still has is
     * dropped through the provider, which reports its end (R24). A call the provider no longer has
     * (it ended there, but the end never reached every application), one that is already over, and
     * one whose provider refuses the drop, is ended here: every holder hears DISCONNECTED and IDLE
     * once, and the call leaves the live calls.
     *
     * @throws SwitchboardException INVALCALLHANDLE naming {@code callId} when no live call has it
     */
    public void dropCall(String callId) {
        Call call = requireCall(callId);
        CallState state = engine.locked(call, Wait.NEVER, () -> call.model.state);
        String why;
        if (state == CallState.DISCONNECTED || state == CallState.IDLE) {
            why = "it is already " + state + ", so its line provider has nothing left to drop";
        } else if (!providerHas(call)) {
            why = "line provider " + call.provider.name() + " no longer has it (provider call "
                    + call.providerCallId + ")";
        } else {
            try {
                call.provider.drop(call.providerCallId);
                return; // the provider reports DISCONNECTED and IDLE
            } catch (RuntimeException e) {
                why = "line provider " + call.provider.name() + " refused to drop it (" + e + ")";
            }
        }
        Log.operatorEndedInCore(call, why);
        engine.endInCore(call);
    }

    private static boolean providerHas(Call call) {
        try {
            return call.provider.hasCall(call.providerCallId);
        } catch (RuntimeException e) {
            return false; // a provider that cannot even say has no use for the call
        }
    }

    /** Gauges of now and counts since start, for monitoring (JMX in the resource adapter). */
    public SwitchboardStatistics statistics() {
        int unowned = 0;
        for (CallView c : calls()) {
            if (c.isUnowned()) {
                unowned++;
            }
        }
        Counters counters = engine.counters();
        ProviderResources held = ProviderResources.NONE;
        for (ProviderBinding b : engine.providers()) {
            held = held.plus(b.provider.resources());
        }
        return new SwitchboardStatistics(lines.size(), engine.directory().apps().size(), engine.calls().size(), unowned,
                counters.callsOffered.sum(), counters.handoffsSucceeded.sum(), counters.handoffsTargetNotFound.sum(),
                counters.handoffsTargetSelf.sum(), counters.handoffsRolledBack.sum(), counters.offersRefused.sum(),
                counters.transactionsCommitted.sum(), counters.transactionsRolledBack.sum(), held.calls(),
                held.mediaPorts());
    }

    /** The latency histograms of this switchboard's calls, which its providers and adapter record into. */
    public LatencyRecorders latencies() {
        return latencies;
    }

    /** What operators are told: call events, handoff outcomes, unowned calls; and the recent history of them. */
    public OperatorFeed operatorFeed() {
        return engine.operatorFeed();
    }

    /** Starts staging changes for a transaction (R21). */
    public UnitOfWork beginUnitOfWork(String name) {
        return new UnitOfWork(engine, name == null ? "uow-" + unitSeq.incrementAndGet() : name);
    }

    private Call requireCall(String callId) {
        Call call = engine.call(callId);
        if (call == null) {
            throw new SwitchboardException(TapiError.INVALCALLHANDLE, "no live call has id '" + callId + "'");
        }
        return call;
    }

    /** The call as operators see it, read under its lock without waiting for a transaction's hold. */
    private CallView snapshot(Call call) {
        return engine.locked(call, Wait.NEVER, () -> {
            CallModel m = call.model;
            if (m == null || call.gone) {
                return null;
            }
            List<String> owners = new ArrayList<>();
            List<String> monitors = new ArrayList<>();
            for (int i = 0; i < m.handleCount(); i++) {
                Handle h = m.handle(i);
                (h.isOwner() ? owners : monitors).add(h.app.name);
            }
            return new CallView(call.id, call.line, call.provider.name(), call.providerCallId, m.mediaModes, m.state,
                    List.copyOf(owners), List.copyOf(monitors), call.callerId, call.calledId);
        });
    }

    /** How to build a switchboard. */
    public static final class Builder {
        private final List<LineProvider> providers = new ArrayList<>();
        private PriorityStore priorityStore = new InMemoryPriorityStore();
        private Executor deliveryExecutor = Runnable::run;
        private QueueingDelay queueingDelay = QueueingDelay.NONE;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Executor providerExecutor;
        private Executor providerLongRunning;
        private ProviderTimer providerTimer;
        private Executor operatorExecutor;
        private int operatorHistorySize = OperatorFeed.DEFAULT_HISTORY_SIZE;
        private Cluster cluster = Cluster.singleNode("local");

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
         * The threads line providers do their own work on (see {@link ProviderContext}); the resource
         * adapter gives the container's. Without them the switchboard makes {@link StandaloneThreads}
         * on demand and ends them when it closes. The core's own timeouts (R27's gather timeouts, a
         * recording's maximum duration) wait on the same timer.
         */
        public Builder providerThreads(Executor executor, Executor longRunningExecutor, ProviderTimer timer) {
            this.providerExecutor = Objects.requireNonNull(executor, "executor");
            this.providerLongRunning = Objects.requireNonNull(longRunningExecutor, "longRunningExecutor");
            this.providerTimer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /**
         * How far behind the threads given to {@link #deliveryExecutor} and {@link #providerThreads}
         * are; handed to the line providers, which refuse new calls while it is too long. None by default.
         */
        public Builder queueingDelay(QueueingDelay gauge) {
            this.queueingDelay = Objects.requireNonNull(gauge, "gauge");
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

        /**
         * The cluster this switchboard is a node of: its calls go into the shared call directory,
         * it ends the calls of nodes that leave when it is the oldest member, and it carries out
         * operators' commands sent from other nodes. A single node named {@code local} by default.
         */
        public Builder cluster(Cluster cluster) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
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
