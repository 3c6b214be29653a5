package dev.switchboard.api;

import java.io.Serializable;
import java.util.List;

/**
 * A call as an operator sees it: who owns and who monitors it. A call with no owner is one of
 * R7's unowned calls.
 *
 * @param callId         the adapter-wide call id
 * @param line           the line it is on
 * @param provider       the line provider serving that line
 * @param providerCallId the provider's own id (the simulated switch's call id, a SIP Call-ID)
 */
public record CallView(String callId, String line, String provider, String providerCallId, int mediaModes,
                       CallState state, List<String> owners, List<String> monitors, String callerId,
                       String calledId) implements Serializable {

    public boolean isUnowned() {
        return owners.isEmpty();
    }
}
