package dev.switchboard.core;

import dev.switchboard.api.CallState;
import java.util.List;

/**
 * A call as an operator sees it: who owns and who monitors it. A call with no owner is one of
 * R7's unowned calls.
 */
public record CallSnapshot(String callId, String line, String provider, int mediaModes, CallState state,
                           List<String> owners, List<String> monitors, String callerId, String calledId) {

    public boolean isUnowned() {
        return owners.isEmpty();
    }
}
