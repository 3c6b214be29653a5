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
        return h;
    }

    boolean isOwner() {
        return privilege == Privilege.OWNER;
    }
}
