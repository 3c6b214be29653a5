package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import dev.switchboard.api.operator.HandoffOutcome;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * The effects of a rule applied to a live call. Handles become valid or invalid at once (under
 * the call's lock); events are queued in order on the call's delivery queue; what operators must
 * hear is noted and, in {@link #settle()}, still under the lock, queued on the operator feed;
 * provider actions and the delivery itself run when the step's {@link Batch} is done, outside the lock. Timeouts
 * are scheduled at once on the core's timer (the providers' {@code ProviderTimer}); when one is
 * due it runs as a step of its own on the call.
 */
final class LiveEffects implements Effects {
    private final Engine engine;
    final Call call;
    private final Batch batch;
    private ChangeReport report;
    private HandoffOutcome.Completion handoffs = HandoffOutcome.Completion.IMMEDIATE;

    LiveEffects(Engine engine, Call call, Batch batch) {
        this.engine = engine;
        this.call = call;
        this.batch = batch;
    }

    /** These effects apply a committing unit of work's staged operations (R21). */
    LiveEffects atCommit() {
        handoffs = HandoffOutcome.Completion.COMMITTED;
        return this;
    }

    @Override
    public void handleCreated(Handle handle) {
        handle.app.handles.put(handle.id, handle);
    }

    @Override
    public void handleRemoved(Handle handle) {
        handle.app.handles.remove(handle.id, handle);
    }

    @Override
    public void send(Handle to, CallEvent event) {
        call.delivery.enqueue(engine, to.app, call, event);
        noteForOperators(event);
    }

    @Override
    public void providerAction(String what, Runnable action) {
        batch.add(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                Log.providerActionFailed(call, what, e);
                throw e;
            }
        });
    }

    @Override
    public void providerAction(String what, Runnable action, OnFailure ifFailed) {
        batch.add(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                Log.providerActionFailed(call, what, e);
                engine.always(call, (m, fx) -> ifFailed.decide(m, fx, e));
            }
        });
    }

    @Override
    public void callGone(Call gone) {
        gone.gone = true;
        engine.forget(gone);
        report().gone();
    }

    @Override
    public void handoff(App actor, HandoffOp op, Rules.HandoffDecision decision) {
        report().handoff(actor, op, decision, handoffs);
    }

    /** Tells operators what this change did. Call while still holding the call's lock, once the change is complete. */
    void settle() {
        ChangeReport.settle(engine.operatorFeed(), call, report);
        report = null;
    }

    @Override
    public void startTimer(MediaOp op, Duration delay, BiConsumer<CallModel, Effects> onTimeout) {
        cancelTimer(op);
        Object token = new Object();
        op.timerToken = token;
        try {
            op.timer = engine.timer().schedule(delay, () -> engine.always(call, (m, fx) -> {
                if (op.timerToken == token) {
                    op.timerToken = null;
                    op.timer = null;
                    onTimeout.accept(m, fx);
                }
            }));
        } catch (RejectedExecutionException e) {
            op.timerToken = null;
            Log.noTimer(call, op, delay, e);
        }
    }

    @Override
    public void cancelTimer(MediaOp op) {
        op.timerToken = null;
        if (op.timer != null) {
            op.timer.cancel();
            op.timer = null;
        }
    }

    @Override
    public boolean endBridge(Bridge bridge) {
        return bridge.end();
    }

    /**
     * What the model will not show at settle time: the states applications were told of in this
     * change (in order), and a media mode or digit reported to the applications monitoring it (R17, R18).
     */
    private void noteForOperators(CallEvent event) {
        if (event instanceof CallStateEvent s) {
            // a state change tells every holder; an OFFERING (new handle) or the replay of a finished
            // call's end to a late handle (R24) is not one
            if (s.state() != CallState.OFFERING && s.state() == call.model.state) {
                report().stateSent(s.state());
            }
        } else if (event instanceof MediaDetectedEvent d) {
            report().detected(d.mode());
        } else if (event instanceof DigitEvent d) {
            report().digit(d.digit());
        }
    }

    private ChangeReport report() {
        if (report == null) {
            report = new ChangeReport();
        }
        return report;
    }
}
