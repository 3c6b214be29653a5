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
    /** Whether this batch applies a committing unit of work's changes: operators hear their handoffs as committed. */
    private boolean committing;

    Batch(Engine engine) {
        this.engine = engine;
    }

    /** Marks this batch as a unit of work's commit (R21). Call before the first {@link #fx}. */
    Batch atCommit() {
        committing = true;
        return this;
    }

    private LiveEffects newFx(Call call) {
        LiveEffects fx = new LiveEffects(engine, call, this);
        return committing ? fx.atCommit() : fx;
    }

    /** The live effects on {@code call} within this step. */
    LiveEffects fx(Call call) {
        if (first == null) {
            first = newFx(call);
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
        LiveEffects fx = newFx(call);
        more.add(fx);
        return fx;
    }

    void add(Runnable action) {
        if (actions == null) {
            actions = new ArrayList<>(2);
        }
        actions.add(action);
    }

    /** Tells operators what the step did to each call. Call while the calls are still locked. */
    void settle() {
        if (first != null) {
            first.settle();
        }
        if (more != null) {
            for (LiveEffects fx : more) {
                fx.settle();
            }
        }
    }

    /** Starts the operators' deliveries, delivers the queued events, call by call, and then asks the providers to act. */
    void afterUnlock() {
        engine.operatorFeed().flush();
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
