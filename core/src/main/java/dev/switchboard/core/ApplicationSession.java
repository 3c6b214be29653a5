package dev.switchboard.core;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.MediaOperation;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.CallGuard.Wait;
import java.util.List;
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
     * deallocations are staged until it commits (R21); media, redirects, transfers and bridges too,
     * and they happen after the transaction's handoffs, in the order asked (R32); the others
     * (answer, drop, media mode, monitoring) apply at once but wait, like any change, while another
     * unit of work holds the call (R22). A null {@code uow} means outside a transaction, the same as
     * {@link #control()}.
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

    /**
     * Makes a call (R30, TAPI's lineMakeCall) on {@code line}, which this application opened as
     * OWNER, to {@code destination}; see {@link dev.switchboard.api.SwitchboardConnection#makeCall}.
     */
    public CallHandle makeCall(String line, String destination, int mediaModes) {
        return makeCall(null, line, destination, mediaModes);
    }

    /**
     * {@link #makeCall(String, String, int)} inside {@code uow} (R32): checked now, placed after
     * commit; the handle returned is valid from commit on. A null {@code uow} places it at once.
     */
    public CallHandle makeCall(UnitOfWork uow, String line, String destination, int mediaModes) {
        engine.checkMakeCall(app, line, destination, mediaModes);
        String to = destination.trim();
        CallHandle handle = engine.rules().newHandleId();
        if (uow != null) {
            return uow.stageMakeCall(app, line, to, mediaModes, handle);
        }
        Batch batch = new Batch(engine);
        engine.makeCall(batch, app, line, to, mediaModes, handle);
        batch.afterUnlock();
        return handle;
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

        /** R32's actions (media, transfers, bridges): after the unit of work's handoffs, at commit. */
        private <R> R afterCommit(Handle h, String operation, Op<R> op) {
            return uow == null ? engine.live(h.call, app, null, op) : uow.stageAfterCommit(h.call, app, operation, op);
        }

        private Handle held(CallHandle ch, String operation) {
            return engine.requireHandle(app, ch, () -> operation);
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

        // ---- media (R25-R28), staged by R32 ----

        @Override
        public String play(CallHandle call, List<Prompt> prompts) {
            Handle h = held(call, "play");
            List<Prompt> checked = MediaRequests.prompts(h.call, app, prompts);
            String id = engine.nextOperationId();
            return afterCommit(h, "play " + id, (m, a, fx) -> rules().media().play(m, a, call, id,
                    MediaOperation.PLAY, checked, fx));
        }

        @Override
        public void stopMedia(CallHandle call) {
            afterCommit(held(call, "stop media"), "stop media", (m, a, fx) -> {
                rules().media().stopMedia(m, a, call, fx);
                return null;
            });
        }

        @Override
        public String gatherDigits(CallHandle call, GatherRequest request) {
            Handle h = held(call, "gather digits");
            GatherRequest checked = MediaRequests.gather(h.call, app, request);
            String id = engine.nextOperationId();
            return afterCommit(h, "gather " + id, (m, a, fx) -> rules().media().gather(m, a, call, id, checked, fx));
        }

        @Override
        public String record(CallHandle call, RecordRequest request) {
            Handle h = held(call, "record");
            RecordRequest checked = MediaRequests.recording(h.call, app, request);
            String id = engine.nextOperationId();
            return afterCommit(h, "record " + id, (m, a, fx) -> rules().media().record(m, a, call, id, checked, fx));
        }

        @Override
        public String generateDigits(CallHandle call, String digits) {
            Handle h = held(call, "generate digits");
            String checked = MediaRequests.digits(h.call, app, digits);
            String id = engine.nextOperationId();
            return afterCommit(h, "generate digits " + id,
                    (m, a, fx) -> rules().media().generateDigits(m, a, call, id, checked, fx));
        }

        @Override
        public String generateTone(CallHandle call, Tone tone) {
            Handle h = held(call, "generate a tone");
            List<Prompt> checked = List.of(MediaRequests.tone(h.call, app, tone));
            String id = engine.nextOperationId();
            return afterCommit(h, "generate tone " + id, (m, a, fx) -> rules().media().play(m, a, call, id,
                    MediaOperation.GENERATE_TONE, checked, fx));
        }

        // ---- R29 ----

        @Override
        public String redirect(CallHandle call, String destination) {
            Handle h = held(call, "redirect");
            String to = MediaRequests.destination(h.call, app, destination);
            String id = engine.nextOperationId();
            return afterCommit(h, "redirect " + id + " to " + to,
                    (m, a, fx) -> rules().control().redirect(m, a, call, id, to, fx));
        }

        @Override
        public String blindTransfer(CallHandle call, String destination) {
            Handle h = held(call, "transfer");
            String to = MediaRequests.destination(h.call, app, destination);
            String id = engine.nextOperationId();
            return afterCommit(h, "transfer " + id + " to " + to,
                    (m, a, fx) -> rules().control().blindTransfer(m, a, call, id, to, fx));
        }

        // ---- R31 ----

        @Override
        public String bridge(CallHandle a, CallHandle b) {
            Handle ha = held(a, "bridge");
            Handle hb = held(b, "bridge");
            if (ha.call == hb.call) {
                throw new SwitchboardException(TapiError.INVALPARAM, "call " + ha.call + ", application '" + app.name
                        + "': a call cannot be bridged to itself");
            }
            String id = engine.nextBridgeId();
            PairOp<String> op = (ma, mb, actor, fxa, fxb) -> rules().control().bridge(ma, mb, actor, a, b, id, fxa, fxb);
            if (uow != null) {
                return uow.stageAfterCommit(ha.call, hb.call, app, "bridge " + id, op);
            }
            return engine.lockStepAll(List.of(ha.call, hb.call), Wait.unlessHeldBy(null, app.name),
                    batch -> op.apply(ha.call.model, hb.call.model, app, batch.fx(ha.call), batch.fx(hb.call)));
        }

        @Override
        public void unbridge(CallHandle call) {
            afterCommit(held(call, "unbridge"), "unbridge", (m, a, fx) -> {
                rules().control().unbridge(m, a, call, fx);
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
                Handle h = Rules.requireHandle(m, app, call);
                return new CallInfo(h.id, m.call.id, m.call.line, m.mediaModes, m.state, h.privilege,
                        m.owners(), m.monitors(), m.call.callerId, m.call.calledId);
            });
        }
    }
}
