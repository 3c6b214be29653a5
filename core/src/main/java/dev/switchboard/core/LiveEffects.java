package dev.switchboard.core;

import dev.switchboard.api.event.CallEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The effects of a rule applied to a live call. Handles become valid or invalid at once (under
 * the call's lock); events are queued in order on the call's delivery queue; provider actions
 * and the delivery itself run in {@link #afterUnlock()}, outside the lock.
 */
final class LiveEffects implements Effects {
    private final Engine engine;
    private final Call call;
    private List<Runnable> providerActions;

    LiveEffects(Engine engine, Call call) {
        this.engine = engine;
        this.call = call;
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
        if (providerActions == null) {
            providerActions = new ArrayList<>(2);
        }
        providerActions.add(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                Log.providerActionFailed(call, what, e);
                throw e;
            }
        });
    }

    @Override
    public void callGone(Call gone) {
        gone.gone = true;
        engine.forget(gone);
    }

    /** Delivers the queued events and then asks the provider to act. */
    void afterUnlock() {
        call.delivery.flush();
        if (providerActions != null) {
            for (Runnable action : providerActions) {
                action.run();
            }
        }
    }
}
