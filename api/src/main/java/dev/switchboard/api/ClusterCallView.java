package dev.switchboard.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * A call as an operator of a cluster sees it: the call and the node that holds it.
 *
 * @param node   the cluster member that holds the call; on a single node, that node's name
 * @param remote whether another node holds it: what is shown comes from the cluster's call
 *               directory (a moment behind the node's own view), and actions on it are sent to
 *               that node
 */
public record ClusterCallView(String node, boolean remote, CallView call) implements Serializable {

    public ClusterCallView {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(call, "call");
    }
}
