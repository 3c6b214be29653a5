package dev.switchboard.rar;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.EventSink;
import dev.switchboard.core.LineInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.sim.Simulator;
import dev.switchboard.rar.jmx.SwitchboardStatisticsBean;
import dev.switchboard.rar.outbound.Operator;
import dev.switchboard.rar.tx.TransactionBranches;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one started resource adapter holds: the core {@link Switchboard}, the open applications by
 * name (the core has no lookup by name; outbound connections need one), and the transaction
 * branches of its resource manager.
 */
public final class AdapterRuntime {
    private final Switchboard switchboard;
    private final AdapterSettings settings;
    private final ConcurrentHashMap<String, ApplicationSession> sessions = new ConcurrentHashMap<>();
    private final TransactionBranches branches = new TransactionBranches();
    private final SwitchboardOperator operator;
    private final SwitchboardStatisticsBean statistics;
    private final Optional<Simulator> simulator;
    private final String instanceName;
    private final Optional<TransactionSynchronizationRegistry> synchronizations;

    AdapterRuntime(Switchboard switchboard, AdapterSettings settings, String instanceName,
                   TransactionSynchronizationRegistry synchronizations) {
        this.switchboard = switchboard;
        this.settings = settings;
        this.instanceName = instanceName;
        this.synchronizations = Optional.ofNullable(synchronizations);
        this.operator = new Operator(switchboard, instanceName);
        this.simulator = findSimulator(switchboard);
        this.statistics = new SwitchboardStatisticsBean(this);
        statistics.register();
    }

    /** The JMX bean publishing this adapter's figures. */
    public SwitchboardStatisticsBean statistics() {
        return statistics;
    }

    /** The name this adapter goes by for operators ({@link InstanceName}). */
    public String instanceName() {
        return instanceName;
    }

    /**
     * The container's registry for transaction synchronizations, where it gives one (the bootstrap
     * context's): how a transacted delivery learns its outcome without a resource of its own in the
     * transaction ({@code InboundActivation}).
     */
    public Optional<TransactionSynchronizationRegistry> synchronizations() {
        return synchronizations;
    }

    public Switchboard switchboard() {
        return switchboard;
    }

    public AdapterSettings settings() {
        return settings;
    }

    public TransactionBranches branches() {
        return branches;
    }

    public SwitchboardOperator operator() {
        return operator;
    }

    /**
     * The driving side of the simulated switch, when the adapter runs one ({@code provider=sim}), for
     * demos and tests; reached through the connection factory's {@link dev.switchboard.core.sim.Simulators}.
     */
    public Optional<Simulator> simulator() {
        return simulator;
    }

    /** Opens an application's lines and registers it by name. */
    public ApplicationSession open(ApplicationSpec spec, EventSink sink) {
        ApplicationSession session = switchboard.open(spec, sink);
        sessions.put(spec.name(), session);
        return session;
    }

    /** Closes an application's lines (R7) and forgets its name. */
    public void close(ApplicationSession session) {
        sessions.remove(session.name(), session);
        session.close();
    }

    /** The open application named {@code name}; INVALAPPNAME when there is none. */
    public ApplicationSession session(String name) {
        ApplicationSession s = name == null ? null : sessions.get(name);
        if (s == null || !s.isOpen()) {
            throw new SwitchboardException(TapiError.INVALAPPNAME, "no active application is named '" + name
                    + "'; active applications: " + activeApplications());
        }
        return s;
    }

    public boolean isActive(String name) {
        ApplicationSession s = name == null ? null : sessions.get(name);
        return s != null && s.isOpen();
    }

    public Set<String> activeApplications() {
        return new TreeSet<>(sessions.keySet());
    }

    /** A provider offers a simulator by implementing the interface; the adapter knows no provider class. */
    private static Optional<Simulator> findSimulator(Switchboard switchboard) {
        return switchboard.lines().stream().map(LineInfo::provider).distinct()
                .map(switchboard::provider).flatMap(Optional::stream)
                .filter(Simulator.class::isInstance).map(Simulator.class::cast)
                .findFirst();
    }

    void shutdown() {
        statistics.unregister();
        switchboard.operatorFeed().close(); // listeners of another module (the console) must not outlive the adapter
        for (ApplicationSession s : sessions.values()) {
            s.close();
        }
        sessions.clear();
        branches.rollbackAll();
        switchboard.close();
    }
}
