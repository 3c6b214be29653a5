package dev.switchboard.core;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two calls whose media the line provider joins (R31). Both calls' models point to it. It ends
 * once, whichever call's step ends it first (a hang-up on one, an unbridge on the other, at the
 * same time): {@link #end()} says who, so that exactly one event goes out. The other call learns
 * of the end lazily ({@link CallModel#activeBridge()}), since a step on one call never touches
 * another call's model.
 */
final class Bridge {
    final String id;
    /** The application that made the bridge, on its handles of the two calls at the time. */
    final Handle a;
    final Handle b;
    private final AtomicBoolean ended = new AtomicBoolean();

    Bridge(String id, Handle a, Handle b) {
        this.id = id;
        this.a = a;
        this.b = b;
    }

    /** Ends the bridge; true only for the first caller. */
    boolean end() {
        return ended.compareAndSet(false, true);
    }

    boolean isEnded() {
        return ended.get();
    }

    /** The maker's handle on the side of {@code call}. */
    Handle sideOf(Call call) {
        return a.call == call ? a : b;
    }

    /** The maker's handle on the other side from {@code call}. */
    Handle otherSide(Call call) {
        return a.call == call ? b : a;
    }

    @Override
    public String toString() {
        return id + " (" + a.call.id + " + " + b.call.id + ")";
    }
}
