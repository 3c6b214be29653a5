package dev.switchboard.console.api;

import dev.switchboard.api.CallView;
import dev.switchboard.api.ClusterCallView;
import dev.switchboard.api.MediaMode;
import java.util.List;

/**
 * A live call as the console shows it.
 *
 * @param mediaModes     the TAPI mask, e.g. 32
 * @param media          the same, decoded: {@code ["G3FAX"]}
 * @param mediaText      readable: {@code G3FAX (0x20)}
 * @param unowned        no application owns it (R7): an operator may hand it to one
 * @param node           the cluster node that holds the call (this node's name on a single node);
 *                       null in live updates, which are always this node's own calls
 * @param remote         another node holds it: shown from the cluster's call directory, and the
 *                       operator's drop or assignment is sent to that node (give {@code ?node=})
 */
public record CallJson(String callId, String line, String provider, String providerCallId, int mediaModes,
                       List<String> media, String mediaText, String state, List<String> owners,
                       List<String> monitors, boolean unowned, String callerId, String calledId,
                       String node, boolean remote) {

    static CallJson of(CallView c) {
        return of(c, null, false);
    }

    static CallJson of(ClusterCallView c) {
        return of(c.call(), c.node(), c.remote());
    }

    static CallJson of(CallView c, String node, boolean remote) {
        return new CallJson(c.callId(), c.line(), c.provider(), c.providerCallId(), c.mediaModes(),
                MediaModes.names(c.mediaModes()), MediaMode.describe(c.mediaModes()),
                c.state() == null ? null : c.state().name(), List.copyOf(c.owners()), List.copyOf(c.monitors()),
                c.isUnowned(), c.callerId(), c.calledId(), node, remote);
    }
}
