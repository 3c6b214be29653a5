package dev.switchboard.core;

import dev.switchboard.api.CallView;
import java.util.ArrayList;
import java.util.List;

/** A call's model as operators see it. Called under the call's lock. */
final class CallViews {
    private CallViews() {
    }

    /** Owners and monitors in the order their handles were given. */
    static CallView of(Call call, CallModel m) {
        List<String> owners = new ArrayList<>(2);
        List<String> monitors = new ArrayList<>(2);
        for (int i = 0; i < m.handleCount(); i++) {
            Handle h = m.handle(i);
            (h.isOwner() ? owners : monitors).add(h.app.name);
        }
        return new CallView(call.id, call.line, call.provider.name(), call.providerCallId, m.mediaModes, m.state,
                List.copyOf(owners), List.copyOf(monitors), call.callerId, call.calledId);
    }

    /** Whether {@code view} still shows {@code m}; allocates nothing, for the common case of no change. */
    static boolean matches(CallView view, CallModel m) {
        return view.state() == m.state && view.mediaModes() == m.mediaModes && sameHolders(view, m);
    }

    private static boolean sameHolders(CallView view, CallModel m) {
        List<String> owners = view.owners();
        List<String> monitors = view.monitors();
        int o = 0;
        int n = 0;
        for (int i = 0; i < m.handleCount(); i++) {
            Handle h = m.handle(i);
            if (h.isOwner()) {
                if (o >= owners.size() || !owners.get(o++).equals(h.app.name)) {
                    return false;
                }
            } else if (n >= monitors.size() || !monitors.get(n++).equals(h.app.name)) {
                return false;
            }
        }
        return o == owners.size() && n == monitors.size();
    }
}
