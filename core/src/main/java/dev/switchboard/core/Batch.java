package dev.switchboard.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What one step on one or more calls does once their locks are released: deliver the events it
 * queued on each call, then run the provider actions it asked for, in the order asked. One step
 * usually touches one call; a bridge touches two (R31), and a transaction's commit every call it
 * holds, whose provider actions must run in the order the application asked for them (R32).
 */
final class Batch {
    private final Engine engine;
    /** The first call's effects: most steps touch one call, and this path is hot (every offer, every digit). */
    private LiveEffects first;
    private List<LiveEffects> more;
    private List<Runnable> actions;

    Batch(Engine engine) {
        this.engine = engine;
    }

    /** The live effects on {@code call} within this step. */
    LiveEffects fx(Call call) {
        if (first == null) {
            first = new LiveEffects(engine, call, this);
            return first;
        }
        if (first.call == call) {
            return first;
        }
        if (more == null) {
            more = new ArrayList<>(2);
        }
        for (LiveEffects fx : more) {
            if (fx.call == call) {
                return fx;
            }
        }
        LiveEffects fx = new LiveEffects(engine, call, this);
        more.add(fx);
        return fx;
    }

    void add(Runnable action) {
        if (actions == null) {
            actions = new ArrayList<>(2);
        }
        actions.add(action);
    }

    /** Delivers the queued events, call by call, and then asks the providers to act. */
    void afterUnlock() {
        if (first != null) {
            first.call.delivery.flush();
        }
        if (more != null) {
            for (LiveEffects fx : more) {
                fx.call.delivery.flush();
            }
        }
        if (actions != null) {
            for (Runnable action : actions) {
                action.run();
            }
        }
    }
}
