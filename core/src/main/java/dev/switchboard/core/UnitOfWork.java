package dev.switchboard.core;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.CallGuard.Wait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes staged by a transaction (R21, R22). Each staged operation is decided at once, on a
 * copy of the call's state, so the application gets its answer; nothing is applied and no event
 * is sent until {@link #commit()}. From its first change on a call until it ends, the unit of
 * work holds the call: other applications' changes to it wait (up to the lock timeout).
 *
 * <p>{@link #prepare()} decides every operation again against the call as it is then and fails
 * if any answer would differ; {@link #commit()} applies them; {@link #rollback()} drops them.
 */
public final class UnitOfWork {
    private enum Status { ACTIVE, PREPARED, ENDED }

    private record Staged<R>(App app, String operation, Op<R> op, R decided) {
    }

    private final Engine engine;
    private final String name;
    private final Map<Call, List<Staged<?>>> staged = new LinkedHashMap<>();
    private Status status = Status.ACTIVE;

    UnitOfWork(Engine engine, String name) {
        this.engine = engine;
        this.name = name;
    }

    /** The name given at creation (for example a transaction branch id), for logs. */
    public String name() {
        return name;
    }

    /** Whether nothing has been staged. */
    public synchronized boolean isEmpty() {
        return staged.values().stream().allMatch(List::isEmpty);
    }

    /** Whether the unit of work has committed or rolled back. */
    public synchronized boolean isEnded() {
        return status == Status.ENDED;
    }

    synchronized <R> R stage(Call call, App app, String operation, Op<R> op) {
        requireActive();
        return engine.locked(call, Wait.unlessHeldBy(this, app.name), () -> {
            call.guard.hold(this);
            List<Staged<?>> ops = staged.computeIfAbsent(call, c -> new ArrayList<>(2));
            CallModel view = replay(call, ops);
            if (view == null) {
                throw new SwitchboardException(TapiError.OPERATIONFAILED, "call " + call + ", application '"
                        + app.name + "': an earlier change of transaction " + name
                        + " on this call no longer holds; roll the transaction back");
            }
            R decided = op.apply(view, app, Effects.NONE);
            ops.add(new Staged<>(app, operation, op, decided));
            return decided;
        });
    }

    /** Checks that every staged decision still holds. Throws OPERATIONFAILED naming the first that does not. */
    public synchronized void prepare() {
        requireActive();
        for (Map.Entry<Call, List<Staged<?>>> e : staged.entrySet()) {
            Call call = e.getKey();
            engine.locked(call, Wait.NEVER, () -> {
                if (replay(call, e.getValue()) == null) {
                    throw new SwitchboardException(TapiError.OPERATIONFAILED, "call " + call + ": a change staged by "
                            + "transaction " + name + " was decided on a state that no longer holds: "
                            + describe(e.getValue()));
                }
                return null;
            });
        }
        status = Status.PREPARED;
    }

    /** Applies every staged change and sends the events (one-phase commit checks first, like prepare). */
    public synchronized void commit() {
        if (status == Status.ENDED) {
            throw new IllegalStateException("unit of work " + name + " has already ended");
        }
        if (status == Status.ACTIVE) {
            prepare();
        }
        status = Status.ENDED;
        engine.counters().transactionsCommitted.increment();
        for (Map.Entry<Call, List<Staged<?>>> e : staged.entrySet()) {
            Call call = e.getKey();
            engine.lockStep(call, Wait.NEVER, new LiveEffects(engine, call).atCommit(), fx -> {
                if (!call.gone) {
                    for (Staged<?> s : e.getValue()) {
                        applyLive(call, s, fx);
                    }
                }
                call.guard.release(this);
                return null;
            });
        }
        staged.clear();
    }

    /**
     * Drops every staged change: ownership, handles and counts stay as they were; no event is sent to
     * applications. Operators are told of each dropped handoff, whose only trace this is.
     */
    public synchronized void rollback() {
        if (status == Status.ENDED) {
            return;
        }
        status = Status.ENDED;
        engine.counters().transactionsRolledBack.increment();
        OperatorFeed operators = engine.operatorFeed();
        for (Map.Entry<Call, List<Staged<?>>> e : staged.entrySet()) {
            Call call = e.getKey();
            engine.locked(call, Wait.NEVER, () -> {
                call.guard.release(this);
                for (Staged<?> s : e.getValue()) {
                    operators.rolledBack(call, s.app(), s.op(), s.decided());
                }
                return null;
            });
        }
        staged.clear();
        operators.flush();
    }

    private <R> void applyLive(Call call, Staged<R> s, Effects fx) {
        try {
            R now = s.op().apply(call.model, s.app(), fx);
            if (now instanceof Rules.HandoffDecision d) {
                engine.counters().handoff(d.result());
            }
            if (!Objects.equals(now, s.decided())) {
                Log.decisionChangedAtCommit(call, s.app().name, s.operation(), s.decided(), now);
            }
        } catch (SwitchboardException e) {
            Log.decisionChangedAtCommit(call, s.app().name, s.operation(), s.decided(), e.getMessage());
        }
    }

    /** A copy of the call's live state with {@code ops} replayed on it, or null if one of them no longer decides the same. */
    private static CallModel replay(Call call, List<Staged<?>> ops) {
        CallModel view = call.model.copy();
        for (Staged<?> s : ops) {
            try {
                if (!Objects.equals(s.op().apply(view, s.app(), Effects.NONE), s.decided())) {
                    return null;
                }
            } catch (SwitchboardException e) {
                return null;
            }
        }
        return view;
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new IllegalStateException("unit of work " + name + " is " + status + "; no more changes can be made");
        }
    }

    private static String describe(List<Staged<?>> ops) {
        StringBuilder sb = new StringBuilder();
        for (Staged<?> s : ops) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.operation()).append(" by '").append(s.app().name)
                    .append("' (decided ").append(s.decided()).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "UnitOfWork[" + name + ", " + status + "]";
    }
}
