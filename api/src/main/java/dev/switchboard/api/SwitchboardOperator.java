package dev.switchboard.api;

import dev.switchboard.api.operator.HistoryEvent;
import dev.switchboard.api.operator.OperatorListener;
import dev.switchboard.api.operator.OperatorStatistics;
import dev.switchboard.api.operator.OperatorSubscription;
import java.util.List;
import java.util.Optional;

/**
 * What an operator (or the operator console) sees and does, obtained from
 * {@link SwitchboardConnectionFactory#getOperator()}. Callers are responsible for checking that
 * the user may make changes.
 */
public interface SwitchboardOperator {

    /** Every line, as {@code name (provider)}. */
    List<String> lines();

    /** Every live call, unowned ones (R7) included. */
    List<CallView> calls();

    /** One live call by its adapter-wide id; empty when no live call has that id. */
    Optional<CallView> call(String callId);

    /** Gives a call (typically an unowned one, R7) to an application that opened its line as OWNER. */
    void assignOwner(String callId, String application);

    /**
     * Drops a call, whatever its state: through its line provider while the provider still has it;
     * otherwise (the provider no longer has it, it is already over, or the provider refuses) the
     * adapter ends it itself: every holder hears DISCONNECTED and IDLE once, and it leaves the live
     * calls.
     *
     * @throws SwitchboardException INVALCALLHANDLE naming the id when no live call has it
     */
    void dropCall(String callId);

    /** The administrator's list for {@code mode} (R1), first first. */
    List<String> priorityList(MediaMode mode);

    /** Replaces the administrator's list for {@code mode}; it is saved and survives restarts (R3). */
    void setPriorityList(MediaMode mode, List<String> applications);

    /** R1: the applications that would get a new call of {@code mode} on {@code line}, first first. */
    List<String> effectivePriority(String line, MediaMode mode);

    /**
     * Subscribes {@code listener} to the adapter's operator events: calls arriving and changing, handoff
     * outcomes, unowned calls. Delivered on an adapter thread, one call's events in order; a slow or
     * failing listener never delays a call. Events from before the subscription are not replayed: read
     * {@link #calls()} and {@link #history()} for what is already there.
     */
    OperatorSubscription subscribe(OperatorListener listener);

    /**
     * The most recent handoff outcomes and unowned calls, newest first, kept by the adapter since it
     * started (a bounded number of them), whether or not anybody was subscribed.
     */
    List<HistoryEvent> history();

    /** The adapter's gauges and counters, counted by the adapter for every application. */
    OperatorStatistics statistics();

    /**
     * The name the adapter goes by for operators (its {@code instanceName} property): what its MXBean
     * and its published metrics are named after.
     */
    default String instanceName() {
        return "switchboard";
    }

    /**
     * The name of the node this operator view belongs to: in a cluster its member name
     * ({@code jboss.node.name} on WildFly), else the adapter's {@link #instanceName()}.
     */
    default String node() {
        return instanceName();
    }

    /**
     * Every live call of the cluster: this node's, as {@link #calls()} has them, then the other
     * nodes' from the cluster's call directory. On a single node, {@link #calls()} with this
     * node's name.
     */
    default List<ClusterCallView> clusterCalls() {
        String node = node();
        return calls().stream().map(c -> new ClusterCallView(node, false, c)).toList();
    }

    /**
     * {@link #dropCall(String)} for a call of {@code node}: this node's is dropped here, another
     * node's drop is sent to that node, which carries it out a moment later.
     *
     * @param node the node that holds the call; null or this node's name for a local call
     */
    default void dropCall(String node, String callId) {
        requireLocal(node, callId);
        dropCall(callId);
    }

    /** {@link #assignOwner(String, String)} for a call of {@code node}, sent there like {@link #dropCall(String, String)}. */
    default void assignOwner(String node, String callId, String application) {
        requireLocal(node, callId);
        assignOwner(callId, application);
    }

    private void requireLocal(String node, String callId) {
        if (node != null && !node.equals(node())) {
            throw new SwitchboardException(TapiError.INVALCALLHANDLE, "call " + callId + " is said to be on node '"
                    + node + "', but node '" + node() + "' is not in a cluster");
        }
    }
}
