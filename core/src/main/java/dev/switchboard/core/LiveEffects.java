package dev.switchboard.core;

import dev.switchboard.api.event.CallEvent;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * The effects of a rule applied to a live call. Handles become valid or invalid at once (under
 * the call's lock); events are queued in order on the call's delivery queue; provider actions
 * and the delivery itself run when the step's {@link Batch} is done, outside the lock. Timeouts
 * are scheduled at once on the core's timer (the providers' {@code ProviderTimer}); when one is
 * due it runs as a step of its own on the call.
 */
final class LiveEffects implements Effects {
    private final Engine engine;
    final Call call;
    private final Batch batch;

    LiveEffects(Engine engine, Call call, Batch batch) {
        this.engine = engine;
        this.call = call;
        this.batch = batch;
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
        call.delivery.enqueue(new Delivery(engine, to.app, call, event));
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
}
