package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.Privilege;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mutable state of one call that the rules decide on. The live model is guarded by the
 * call's lock; a transaction decides on a {@link #copy()} so that nothing it stages is seen
 * before commit (R21).
 */
final class CallModel {
    final Call call;
    int mediaModes;
    CallState state;
    /** One handle per application, in the order they were given. */
    final List<Handle> handles;
    /** Applications that failed to take the call when it was offered to them (R23). */
    Set<App> refused;

    CallModel(Call call, int mediaModes, CallState state) {
        this.call = call;
        this.mediaModes = mediaModes;
        this.state = state;
        this.handles = new ArrayList<>(4);
    }

    CallModel copy() {
        CallModel c = new CallModel(call, mediaModes, state);
        for (Handle h : handles) {
            c.handles.add(h.copy());
        }
        if (refused != null) {
            c.refused = new HashSet<>(refused);
        }
        return c;
    }

    Handle handleOf(App app) {
        for (Handle h : handles) {
            if (h.app == app) {
                return h;
            }
        }
        return null;
    }

    int owners() {
        return count(Privilege.OWNER);
    }

    int monitors() {
        return count(Privilege.MONITOR);
    }

    private int count(Privilege p) {
        int n = 0;
        for (Handle h : handles) {
            if (h.privilege == p) {
                n++;
            }
        }
        return n;
    }

    boolean hasRefused(App app) {
        return refused != null && refused.contains(app);
    }

    void markRefused(App app) {
        if (refused == null) {
            refused = new HashSet<>(2);
        }
        refused.add(app);
    }

    boolean isOver() {
        return state == CallState.DISCONNECTED || state == CallState.IDLE;
    }
}
