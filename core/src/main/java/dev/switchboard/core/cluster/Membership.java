package dev.switchboard.core.cluster;

import java.util.List;

/** Who is in the cluster, as the cluster's own group membership says. */
public interface Membership {

    /** This node's name, the one it writes into its directory entries. */
    String localNode();

    /** The members now, the oldest (the group's coordinator) first; it includes {@link #localNode()}. */
    List<String> members();

    /**
     * Runs {@code listener} after every change of {@link #members()}, on a thread of the
     * membership's own that the listener must not hold up.
     */
    void onChange(Runnable listener);
}
