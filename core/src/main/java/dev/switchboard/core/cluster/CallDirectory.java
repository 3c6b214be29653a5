package dev.switchboard.core.cluster;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The cluster's call directory: one {@link CallEntry} per live call of every node, keyed by
 * {@link CallEntry#key()}. A node writes only its own calls' entries; the one survivor that
 * cleans up after a node that left removes that node's.
 */
public interface CallDirectory {

    /** Writes {@code puts} and removes the entries keyed {@code removes}, as one batch where the store can. */
    void update(Map<String, CallEntry> puts, Set<String> removes);

    /** Every entry of every node, as this node sees them now. */
    Collection<CallEntry> entries();

    /** The entry of {@code callId} on {@code node}, or null. */
    default CallEntry entry(String node, String callId) {
        for (CallEntry e : entries()) {
            if (e.node().equals(node) && e.callId().equals(callId)) {
                return e;
            }
        }
        return null;
    }
}
