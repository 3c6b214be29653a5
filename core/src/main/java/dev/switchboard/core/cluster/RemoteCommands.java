package dev.switchboard.core.cluster;

import java.util.function.Consumer;

/** Carries operator commands to the node that holds the call, over the cluster's own transport. */
public interface RemoteCommands {

    /**
     * Sends {@code command} to {@link OperatorCommand#node()}; returns once the cluster took it,
     * not when the node carried it out.
     *
     * @throws IllegalStateException when the command cannot reach that node
     */
    void send(OperatorCommand command);

    /** Runs {@code handler} for each command addressed to this node, on a thread it must not hold up for long. */
    void onCommand(Consumer<OperatorCommand> handler);
}
