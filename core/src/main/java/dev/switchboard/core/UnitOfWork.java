package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.CallGuard.Wait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Changes staged by a transaction (R21, R22, R32). Each staged operation is decided at once, on a
 * copy of the call's state, so the application gets its answer; nothing is applied and no event
 * is sent until {@link #commit()}. From its first change on a call until it ends, the unit of
 * work holds the call: other applications' changes to it wait (up to the lock timeout).
 *
 * <p>Two kinds of change are staged. Handoffs, privilege changes and deallocations (R21) apply at
 * commit in the order asked. Media operations, redirects, transfers, bridges and calls made (R32)
 * apply after all of them, in the order asked: they are decided, now and at prepare, on the calls
 * as the transaction's handoffs leave them, so a transaction cannot, say, deallocate a call and
 * still have a play on it happen. Their provider actions run once every staged change is applied,
 * in the order asked.
 *
 * <p>{@link #prepare()} decides every operation again against the calls as they are then and
 * fails if any answer would differ; {@link #commit()} applies them; {@link #rollback()} drops them,
 * and then nothing ever reaches a line provider and no event is sent.
 */
public final class UnitOfWork {
    private enum Status { ACTIVE, PREPARED, ENDED }

    /** The calls a staged change is decided on: copies while staging and at prepare, the live calls at commit. */
    private interface Models {
        CallModel model(Call call);

        Effects fx(Call call);

        /** The commit's batch, or null while deciding on copies. */
        Batch live();
    }

    /** One staged change as a decision over {@link Models}. */
    @FunctionalInterface
    private interface Step<R> {
        R apply(Models models);
    }

    /**
     * @param op          the single-call operation behind {@code step}, or null (a bridge, a call made):
     *                    operators hear of a rolled-back handoff through it
     * @param afterCommit whether it is one of R32's actions, applied after the handoffs
     */
    private record Staged<R>(List<Call> calls, App app, String operation, Step<R> step, Op<R> op, R decided,
                             boolean afterCommit) {
    }

    private final Engine engine;
    private final String name;
    private final List<Staged<?>> staged = new ArrayList<>();
    /** The calls this unit of work holds (R22), in the order it first touched them. */
    private final Set<Call> held = new LinkedHashSet<>();
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
        return staged.isEmpty();
    }

    /** Whether the unit of work has committed or rolled back. */
    public synchronized boolean isEnded() {
        return status == Status.ENDED;
    }

    /** Stages a handoff, privilege change or deallocation (R21). */
    synchronized <R> R stage(Call call, App app, String operation, Op<R> op) {
        return stage(List.of(call), app, operation, single(call, app, op), op, false);
    }

    /** Stages one of R32's actions on one call. */
    synchronized <R> R stageAfterCommit(Call call, App app, String operation, Op<R> op) {
        return stage(List.of(call), app, operation, single(call, app, op), op, true);
    }

    /** Stages one of R32's actions on two calls (a bridge). */
    synchronized <R> R stageAfterCommit(Call a, Call b, App app, String operation, PairOp<R> op) {
        return stage(List.of(a, b), app, operation,
                models -> op.apply(models.model(a), models.model(b), app, models.fx(a), models.fx(b)), null, true);
    }

    /** Stages a call to make (R30, R32): checked now and at prepare, placed at commit on {@code handle}. */
    synchronized CallHandle stageMakeCall(App app, String line, String destination, int mediaModes,
                                          CallHandle handle) {
        return stage(List.of(), app, "make a call to " + destination, models -> {
            if (models.live() == null) {
                engine.checkMakeCall(app, line, destination, mediaModes);
            } else {
                engine.makeCall(models.live(), app, line, destination, mediaModes, handle);
            }
            return handle;
        }, null, true);
    }

    private static <R> Step<R> single(Call call, App app, Op<R> op) {
        return models -> op.apply(models.model(call), app, models.fx(call));
    }

    private <R> R stage(List<Call> calls, App app, String operation, Step<R> step, Op<R> op, boolean afterCommit) {
        requireActive();
        List<Staged<?>> related = related(calls);
        Set<Call> lock = new LinkedHashSet<>(calls);
        for (Staged<?> s : related) {
            lock.addAll(s.calls());
        }
        return engine.lockedAll(lock, Wait.unlessHeldBy(this, app.name), () -> {
            for (Call c : calls) {
                c.guard.hold(this);
                held.add(c);
            }
            Copies views = new Copies(lock);
            if (replay(related, views, false) != null) {
                throw new SwitchboardException(TapiError.OPERATIONFAILED, where(calls) + "application '" + app.name
                        + "': an earlier change of transaction " + name
                        + " on this call no longer holds; roll the transaction back");
            }
            R decided = afterCommit ? null : step.apply(views);
            Staged<?> blocked = replay(related, views, true);
            if (blocked != null) {
                throw new SwitchboardException(TapiError.OPERATIONFAILED, where(calls) + "application '" + app.name
                        + "': " + operation + " would keep " + blocked.operation() + ", which transaction " + name
                        + " asked for earlier, from happening after commit (R32)");
            }
            if (afterCommit) {
                decided = step.apply(views);
            }
            staged.add(new Staged<>(List.copyOf(calls), app, operation, step, op, decided, afterCommit));
            return decided;
        });
    }

    /** Checks that every staged decision still holds. Throws OPERATIONFAILED naming the first that does not. */
    public synchronized void prepare() {
        requireActive();
        engine.lockedAll(held, Wait.NEVER, () -> {
            Copies views = new Copies(held);
            Staged<?> failed = replay(staged, views, false);
            if (failed == null) {
                failed = replay(staged, views, true);
            }
            if (failed != null) {
                throw new SwitchboardException(TapiError.OPERATIONFAILED, where(failed.calls()) + "a change staged by "
                        + "transaction " + name + " was decided on a state that no longer holds: " + describe(failed));
            }
            return null;
        });
        status = Status.PREPARED;
    }

    /**
     * Applies every staged change and sends the events (one-phase commit checks first, like
     * prepare): the handoffs call by call in the order the calls were first touched, then R32's
     * actions in the order asked; then the provider actions, in the order asked.
     */
    public synchronized void commit() {
        if (status == Status.ENDED) {
            throw new IllegalStateException("unit of work " + name + " has already ended");
        }
        if (status == Status.ACTIVE) {
            prepare();
        }
        status = Status.ENDED;
        engine.counters().transactionsCommitted.increment();
        engine.lockStepAll(held, Wait.NEVER, new Batch(engine).atCommit(), batch -> {
            Models live = new Live(batch);
            for (Call call : held) {
                for (Staged<?> s : staged) {
                    if (!s.afterCommit() && s.calls().get(0) == call) {
                        applyLive(s, live);
                    }
                }
            }
            for (Staged<?> s : staged) {
                if (s.afterCommit()) {
                    applyLive(s, live);
                }
            }
            for (Call call : held) {
                call.guard.releaseHold(this);
            }
            return null;
        });
        staged.clear();
        held.clear();
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
        for (Call call : held) {
            engine.locked(call, Wait.NEVER, () -> {
                call.guard.releaseHold(this);
                for (Staged<?> s : staged) {
                    if (s.op() != null && s.calls().get(0) == call) {
                        operators.rolledBack(call, s.app(), s.op(), s.decided());
                    }
                }
                return null;
            });
        }
        staged.clear();
        held.clear();
        operators.flush();
    }

    private <R> void applyLive(Staged<R> s, Models live) {
        for (Call c : s.calls()) {
            if (c.gone) {
                return;
            }
        }
        try {
            R now = s.step().apply(live);
            if (now instanceof Rules.HandoffDecision d) {
                engine.counters().handoff(d.result());
            }
            if (!Objects.equals(now, s.decided())) {
                Log.decisionChangedAtCommit(where(s.calls()), s.app().name, s.operation(), s.decided(), now);
            }
        } catch (SwitchboardException e) {
            // The call changed between prepare and commit (a hang-up never waits for a transaction):
            // what the transaction decided does not happen, and the application hears of the change itself.
            Log.decisionChangedAtCommit(where(s.calls()), s.app().name, s.operation(), s.decided(), e.getMessage());
        }
    }

    /** The staged changes that share a call with {@code calls}: those a new change on them is decided after. */
    private List<Staged<?>> related(List<Call> calls) {
        List<Staged<?>> out = new ArrayList<>();
        for (Staged<?> s : staged) {
            for (Call c : s.calls()) {
                if (calls.contains(c)) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    /** Replays the changes of one kind on {@code views}; returns the first that no longer decides the same, or null. */
    private static Staged<?> replay(List<Staged<?>> changes, Models views, boolean afterCommit) {
        for (Staged<?> s : changes) {
            if (s.afterCommit() != afterCommit) {
                continue;
            }
            try {
                if (!Objects.equals(s.step().apply(views), s.decided())) {
                    return s;
                }
            } catch (SwitchboardException e) {
                return s;
            }
        }
        return null;
    }

    /** Copies of the calls' live state, decided on with no effects. */
    private static final class Copies implements Models {
        private final Map<Call, CallModel> copies = new HashMap<>();

        Copies(Set<Call> calls) {
            for (Call c : calls) {
                copies.put(c, c.model.copy());
            }
        }

        @Override
        public CallModel model(Call call) {
            return copies.computeIfAbsent(call, c -> c.model.copy());
        }

        @Override
        public Effects fx(Call call) {
            return Effects.NONE;
        }

        @Override
        public Batch live() {
            return null;
        }
    }

    /** The live calls at commit, with the commit's one batch of effects. */
    private record Live(Batch batch) implements Models {
        @Override
        public CallModel model(Call call) {
            return call.model;
        }

        @Override
        public Effects fx(Call call) {
            return batch.fx(call);
        }

        @Override
        public Batch live() {
            return batch;
        }
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new IllegalStateException("unit of work " + name + " is " + status + "; no more changes can be made");
        }
    }

    private static String where(List<Call> calls) {
        if (calls.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("call ");
        for (int i = 0; i < calls.size(); i++) {
            sb.append(i == 0 ? "" : " and ").append(calls.get(i));
        }
        return sb.append(", ").toString();
    }

    private static String describe(Staged<?> s) {
        return s.operation() + " by '" + s.app().name + "' (decided " + s.decided() + ")";
    }

    @Override
    public String toString() {
        return "UnitOfWork[" + name + ", " + status + "]";
    }
}
