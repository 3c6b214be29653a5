package dev.switchboard.rar.outbound;

import dev.switchboard.api.CallView;
import dev.switchboard.api.ClusterCallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.operator.HistoryEvent;
import dev.switchboard.api.operator.OperatorListener;
import dev.switchboard.api.operator.LatencySummary;
import dev.switchboard.api.operator.OperatorStatistics;
import dev.switchboard.api.operator.OperatorSubscription;
import dev.switchboard.core.LineInfo;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.SwitchboardStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The operator's view, controls and event stream, straight over the core. */
public final class Operator implements SwitchboardOperator {
    private final Switchboard switchboard;
    private final String instanceName;

    public Operator(Switchboard switchboard, String instanceName) {
        this.switchboard = switchboard;
        this.instanceName = instanceName;
    }

    @Override
    public String instanceName() {
        return instanceName;
    }

    @Override
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (LineInfo l : switchboard.lines()) {
            out.add(l.line() + " (" + l.provider() + ")");
        }
        return out;
    }

    @Override
    public List<CallView> calls() {
        return switchboard.calls();
    }

    @Override
    public Optional<CallView> call(String callId) {
        return switchboard.call(callId);
    }

    @Override
    public void assignOwner(String callId, String application) {
        switchboard.assignOwner(callId, application);
    }

    @Override
    public void dropCall(String callId) {
        switchboard.dropCall(callId);
    }

    @Override
    public String node() {
        return switchboard.node();
    }

    @Override
    public List<ClusterCallView> clusterCalls() {
        return switchboard.clusterCalls();
    }

    @Override
    public void dropCall(String node, String callId) {
        switchboard.dropCall(node, callId);
    }

    @Override
    public void assignOwner(String node, String callId, String application) {
        switchboard.assignOwner(node, callId, application);
    }

    @Override
    public List<String> priorityList(MediaMode mode) {
        return switchboard.priorityLists().list(Objects.requireNonNull(mode, "mode"));
    }

    @Override
    public void setPriorityList(MediaMode mode, List<String> applications) {
        try {
            switchboard.priorityLists().setList(mode, applications);
        } catch (IllegalArgumentException e) {
            throw new SwitchboardException(TapiError.INVALPARAM, e.getMessage(), e);
        }
    }

    @Override
    public List<String> effectivePriority(String line, MediaMode mode) {
        return switchboard.effectivePriority(line, mode);
    }

    @Override
    public OperatorSubscription subscribe(OperatorListener listener) {
        return switchboard.operatorFeed().subscribe(listener);
    }

    @Override
    public List<HistoryEvent> history() {
        return switchboard.operatorFeed().history();
    }

    @Override
    public OperatorStatistics statistics() {
        SwitchboardStatistics s = switchboard.statistics();
        return new OperatorStatistics(s.lines(), s.applications(), s.liveCalls(), s.unownedCalls(), s.callsOffered(),
                s.handoffsSucceeded(), s.handoffsTargetNotFound(), s.handoffsTargetSelf(), s.handoffsRolledBack(),
                s.offersRefused(), s.transactionsCommitted(), s.transactionsRolledBack(),
                switchboard.latencies().snapshots().stream().map(l -> new LatencySummary(l.name(), l.count(),
                        l.p50Nanos(), l.p90Nanos(), l.p99Nanos(), l.maxNanos())).toList());
    }
}
