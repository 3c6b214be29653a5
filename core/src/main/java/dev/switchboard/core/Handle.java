package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.Privilege;

/** One application's hold on one call. Mutable fields are guarded by the call's lock. */
final class Handle {
    final CallHandle id;
    final App app;
    final Call call;
    Privilege privilege;
    /** Media modes whose detection the application asked to hear of (R17); 0 = none. */
    int mediaMonitor;
    /** Whether the application asked for digit events (R18). */
    boolean digitMonitor;
    /**
     * The media mode (one bit) of the handoff that last offered this handle ownership, or 0 when it
     * was offered by the call's own media modes (R4, R6), by name or by an operator. If the
     * application refuses that offer, the call goes to the next application in that mode's order (R23).
     */
    int offeredByMode;

    Handle(CallHandle id, App app, Call call, Privilege privilege) {
        this.id = id;
        this.app = app;
        this.call = call;
        this.privilege = privilege;
    }

    /** A copy for deciding a transaction's change without touching the live call. */
    Handle copy() {
        Handle h = new Handle(id, app, call, privilege);
        h.mediaMonitor = mediaMonitor;
        h.digitMonitor = digitMonitor;
        h.offeredByMode = offeredByMode;
        return h;
    }

    boolean isOwner() {
        return privilege == Privilege.OWNER;
    }
}
