package dev.switchboard.core.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a switchboard shares with the other nodes of a cluster: the call directory, the
 * membership and the way to reach another node with an operator's command. A switchboard built
 * without one is a {@link #singleNode single node}: it publishes nothing and every call is local.
 *
 * @param publishDelay how long a changed call waits before its entry is written, so that the
 *                     quick changes of a new call (offering, accepted, connected) make one write
 */
public record Cluster(CallDirectory directory, Membership membership, RemoteCommands commands,
                      Duration publishDelay) {
    public static final Duration DEFAULT_PUBLISH_DELAY = Duration.ofMillis(100);

    public Cluster {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(commands, "commands");
        if (publishDelay.isNegative()) {
            throw new IllegalArgumentException("the publish delay must not be negative, not " + publishDelay);
        }
    }

    public Cluster(CallDirectory directory, Membership membership, RemoteCommands commands) {
        this(directory, membership, commands, DEFAULT_PUBLISH_DELAY);
    }

    /** A cluster of one, {@code node}: an empty directory that keeps nothing, no one to send to. */
    public static Cluster singleNode(String node) {
        return new Cluster(new SingleNode(node), new SingleNode(node), new SingleNode(node), Duration.ZERO);
    }

    public boolean isSingleNode() {
        return directory instanceof SingleNode;
    }

    public String localNode() {
        return membership.localNode();
    }

    /** The single node's three parts in one: nothing to share, nobody else to reach. */
    private record SingleNode(String node) implements CallDirectory, Membership, RemoteCommands {
        SingleNode {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public void update(Map<String, CallEntry> puts, Set<String> removes) {
        }

        @Override
        public Collection<CallEntry> entries() {
            return List.of();
        }

        @Override
        public String localNode() {
            return node;
        }

        @Override
        public List<String> members() {
            return List.of(node);
        }

        @Override
        public void onChange(Runnable listener) {
        }

        @Override
        public void send(OperatorCommand command) {
            throw new IllegalStateException("node '" + node + "' is not in a cluster; there is no node '"
                    + command.node() + "' to reach");
        }

        @Override
        public void onCommand(Consumer<OperatorCommand> handler) {
        }
    }
}
