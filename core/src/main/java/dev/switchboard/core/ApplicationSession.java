package dev.switchboard.core;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One open application: what it does to calls, live through this object or staged in a
 * transaction through {@link #within(UnitOfWork)}. Closing it closes its lines (R7: calls it owned
 * go to the next owner or stay visible as unowned).
 */
public final class ApplicationSession implements CallControl, AutoCloseable {
    private final Switchboard switchboard;
    private final App app;
    private final Control live;

    ApplicationSession(Switchboard switchboard, App app) {
        this.switchboard = switchboard;
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

    /**
     * The same operations, made inside {@code uow}: handoffs, privilege changes and deallocations
     * are staged until it commits (R21); the others apply at once but wait, like any change, while
     * another unit of work holds the call (R22).
     */
    public CallControl within(UnitOfWork uow) {
        return new Control(Objects.requireNonNull(uow, "unit of work"));
    }

    /**
     * R2 (lineSetAppPriority): 1 puts this application first in the administrator's list for
     * {@code mode}; 0 takes it out. Any other value is INVALPARAM.
     */
    public void setAppPriority(MediaMode mode, int priority) {
        Objects.requireNonNull(mode, "mode");
        switch (priority) {
            case 1 -> switchboard.priorityLists().insertFirst(mode, app.name);
            case 0 -> switchboard.priorityLists().remove(mode, app.name);
            default -> throw new SwitchboardException(TapiError.INVALPARAM, "application '" + app.name
                    + "': priority " + priority + " for " + mode + " must be 1 (first) or 0 (remove)");
        }
    }

    /** R2 (lineGetAppPriority): the 1-based position in the administrator's list for {@code mode}, 0 when absent. */
    public int getAppPriority(MediaMode mode) {
        return switchboard.priorityLists().position(Objects.requireNonNull(mode, "mode"), app.name);
    }

    @Override
    public HandoffResult handoffToApplication(CallHandle call, String targetApplication) {
        return live.handoffToApplication(call, targetApplication);
    }

    @Override
    public HandoffResult handoffToMediaMode(CallHandle call, int mediaMode) {
        return live.handoffToMediaMode(call, mediaMode);
    }

    @Override
    public void setPrivilege(CallHandle call, Privilege privilege) {
        live.setPrivilege(call, privilege);
    }

    @Override
    public void deallocate(CallHandle call) {
        live.deallocate(call);
    }

    @Override
    public void setMediaMode(CallHandle call, int mediaModes) {
        live.setMediaMode(call, mediaModes);
    }

    @Override
    public void monitorMedia(CallHandle call, int mediaModes) {
        live.monitorMedia(call, mediaModes);
    }

    @Override
    public void monitorDigits(CallHandle call, boolean enabled) {
        live.monitorDigits(call, enabled);
    }

    @Override
    public void answer(CallHandle call) {
        live.answer(call);
    }

    @Override
    public void drop(CallHandle call) {
        live.drop(call);
    }

    @Override
    public CallInfo callInfo(CallHandle call) {
        return live.callInfo(call);
    }

    /** Closes the application's lines. */
    @Override
    public void close() {
        if (app.open) {
            switchboard.closeApplication(app);
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
            return switchboard.rules();
        }

        /** Handoff, privilege and deallocation: staged inside a unit of work (R21). */
        private <R> R staged(CallHandle ch, Supplier<String> operation, Op<R> op) {
            return switchboard.act(app, ch, uow, operation, op);
        }

        /** Counts a live handoff; a staged one is counted when its unit of work applies it. */
        private HandoffResult counted(HandoffResult result) {
            if (uow == null) {
                switchboard.counters().handoff(result);
            }
            return result;
        }

        /** Everything else: applied at once, but waiting while another unit of work holds the call. */
        private <R> R immediate(CallHandle ch, String operation, Op<R> op) {
            if (uow == null) {
                return switchboard.act(app, ch, null, () -> operation, op);
            }
            Handle h = app.handles.get(ch);
            if (h == null) {
                return switchboard.act(app, ch, null, () -> operation, op); // reports INVALCALLHANDLE
            }
            return switchboard.live(h.call, app, uow, op);
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
            Op<CallInfo> read = (m, a, fx) -> {
                Handle h = rules().requireHandle(m, a, call);
                return new CallInfo(h.id, m.call.id, m.call.line, m.mediaModes, m.state, h.privilege,
                        m.owners(), m.monitors(), m.call.callerId, m.call.calledId);
            };
            Handle h = call == null ? null : app.handles.get(call);
            if (h == null || !app.open) {
                return immediate(call, "read call info", read); // reports UNINITIALIZED or INVALCALLHANDLE
            }
            // A read does not wait for another transaction's hold (R22 orders changes, not reads); it
            // sees the committed state, never a transaction's staged changes (R21).
            h.call.guard.lockAlways();
            try {
                return read.apply(h.call.model, app, Effects.NONE);
            } finally {
                h.call.guard.unlock();
            }
        }
    }
}
