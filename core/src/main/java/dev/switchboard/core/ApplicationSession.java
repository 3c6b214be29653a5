package dev.switchboard.core;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.CallGuard.Wait;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One open application. What it does to calls goes through {@link #control()}, live, or
 * {@link #control(UnitOfWork)}, staged in a transaction. Closing it closes its lines (R7: calls it
 * owned go to the next owner or stay visible as unowned).
 */
public final class ApplicationSession implements AutoCloseable {
    private final Engine engine;
    private final App app;
    private final Control live;

    ApplicationSession(Engine engine, App app) {
        this.engine = engine;
        this.app = app;
        this.live = new Control(null);
    }

    public String name() {
        return app.name;
    }

    public ApplicationSpec spec() {
        return app.spec;
    }

    public boolean isOpen() {
        return app.open;
    }

    /** The handles this application holds now. */
    public Set<CallHandle> handles() {
        return Set.copyOf(app.handles.keySet());
    }

    /** What this application does to its calls, applied at once. */
    public CallControl control() {
        return live;
    }

    /**
     * What this application does to its calls inside {@code uow}: handoffs, privilege changes and
     * deallocations are staged until it commits (R21); the others apply at once but wait, like any
     * change, while another unit of work holds the call (R22). A null {@code uow} means outside a
     * transaction, the same as {@link #control()}.
     */
    public CallControl control(UnitOfWork uow) {
        return uow == null ? live : new Control(uow);
    }

    /**
     * R2 (lineSetAppPriority): 1 puts this application first in the administrator's list for
     * {@code mode}; 0 takes it out. Any other value is INVALPARAM.
     */
    public void setAppPriority(MediaMode mode, int priority) {
        Objects.requireNonNull(mode, "mode");
        switch (priority) {
            case 1 -> engine.directory().adminLists().insertFirst(mode, app.name);
            case 0 -> engine.directory().adminLists().remove(mode, app.name);
            default -> throw new SwitchboardException(TapiError.INVALPARAM, "application '" + app.name
                    + "': priority " + priority + " for " + mode + " must be 1 (first) or 0 (remove)");
        }
    }

    /** R2 (lineGetAppPriority): the 1-based position in the administrator's list for {@code mode}, 0 when absent. */
    public int getAppPriority(MediaMode mode) {
        return engine.directory().adminLists().position(Objects.requireNonNull(mode, "mode"), app.name);
    }

    /** Closes the application's lines. */
    @Override
    public void close() {
        if (app.open) {
            engine.closeApplication(app);
        }
    }

    @Override
    public String toString() {
        return "ApplicationSession[" + app.name + "]";
    }

    /** The operations, live ({@code uow == null}) or inside a unit of work. */
    private final class Control implements CallControl {
        private final UnitOfWork uow;

        Control(UnitOfWork uow) {
            this.uow = uow;
        }

        private Rules rules() {
            return engine.rules();
        }

        /** Handoff, privilege and deallocation: staged inside a unit of work (R21). */
        private <R> R staged(CallHandle ch, Supplier<String> operation, Op<R> op) {
            Handle h = engine.requireHandle(app, ch, operation);
            return uow == null ? engine.live(h.call, app, null, op) : uow.stage(h.call, app, operation.get(), op);
        }

        /** Counts a live handoff; a staged one is counted when its unit of work applies it. */
        private HandoffResult counted(HandoffResult result) {
            if (uow == null) {
                engine.counters().handoff(result);
            }
            return result;
        }

        /** Everything else: applied at once, but waiting while another unit of work holds the call. */
        private <R> R immediate(CallHandle ch, String operation, Op<R> op) {
            Handle h = engine.requireHandle(app, ch, () -> operation);
            return engine.live(h.call, app, uow, op);
        }

        @Override
        public HandoffResult handoffToApplication(CallHandle call, String target) {
            HandoffOp op = HandoffOp.toApplication(rules(), call, target);
            return counted(staged(call, op::describe, op).result());
        }

        @Override
        public HandoffResult handoffToMediaMode(CallHandle call, int mediaMode) {
            HandoffOp op = HandoffOp.toMediaMode(rules(), call, mediaMode);
            return counted(staged(call, op::describe, op).result());
        }

        @Override
        public void setPrivilege(CallHandle call, Privilege privilege) {
            staged(call, () -> "set privilege " + privilege, (m, a, fx) -> {
                rules().setPrivilege(m, a, call, privilege, fx);
                return null;
            });
        }

        @Override
        public void deallocate(CallHandle call) {
            staged(call, () -> "deallocate", (m, a, fx) -> {
                rules().deallocate(m, a, call, fx);
                return null;
            });
        }

        @Override
        public void setMediaMode(CallHandle call, int mediaModes) {
            immediate(call, "set media mode", (m, a, fx) -> {
                rules().setMediaMode(m, a, call, mediaModes, fx);
                return null;
            });
        }

        @Override
        public void monitorMedia(CallHandle call, int mediaModes) {
            immediate(call, "monitor media", (m, a, fx) -> {
                rules().monitorMedia(m, a, call, mediaModes, fx);
                return null;
            });
        }

        @Override
        public void monitorDigits(CallHandle call, boolean enabled) {
            immediate(call, "monitor digits", (m, a, fx) -> {
                rules().monitorDigits(m, a, call, enabled, fx);
                return null;
            });
        }

        @Override
        public void answer(CallHandle call) {
            immediate(call, "answer", (m, a, fx) -> {
                rules().answer(m, a, call, fx);
                return null;
            });
        }

        @Override
        public void drop(CallHandle call) {
            immediate(call, "drop", (m, a, fx) -> {
                rules().drop(m, a, call, fx);
                return null;
            });
        }

        @Override
        public CallInfo callInfo(CallHandle call) {
            Handle held = engine.requireHandle(app, call, () -> "read call info");
            // A read does not wait for another transaction's hold (R22 orders changes, not reads); it
            // sees the committed state, never a transaction's staged changes (R21).
            return engine.locked(held.call, Wait.NEVER, () -> {
                CallModel m = held.call.model;
                Handle h = rules().requireHandle(m, app, call);
                return new CallInfo(h.id, m.call.id, m.call.line, m.mediaModes, m.state, h.privilege,
                        m.owners(), m.monitors(), m.call.callerId, m.call.calledId);
            });
        }
    }
}
