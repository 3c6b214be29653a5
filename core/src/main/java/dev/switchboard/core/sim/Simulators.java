package dev.switchboard.core.sim;

import java.util.Optional;

/**
 * Where code outside the core reaches a running switchboard's simulator: the resource adapter's
 * connection factory implements this beside the public {@code SwitchboardConnectionFactory}, so a demo
 * (the operator console's {@code /api/sim}) or a test asks {@code factory instanceof Simulators} and
 * needs nothing else from the core. Kept out of the public api on purpose: simulation is not part of
 * the contract applications and operators compile against.
 */
public interface Simulators {

    /** The simulator of the adapter's simulated switch; empty when no simulated switch runs. */
    Optional<Simulator> simulator();
}
