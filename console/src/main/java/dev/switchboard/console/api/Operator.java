package dev.switchboard.console.api;

import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.core.sim.Simulator;
import dev.switchboard.core.sim.Simulators;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/** Gives the REST resources the adapter's operator (and, for the demo, its simulator), from its connection factory. */
@ApplicationScoped
public class Operator {

    /** Where the resource adapter binds its connection factory. */
    public static final String FACTORY_JNDI = "java:app/switchboard/ConnectionFactory"; // see docs/portability.md

    @Resource(lookup = FACTORY_JNDI)
    SwitchboardConnectionFactory factory;

    @Produces
    SwitchboardOperator operator() {
        return factory.getOperator();
    }

    /**
     * The adapter's simulated switch, for the demo API ({@code /api/sim}) only. Simulation is not part of
     * the public api on purpose; the adapter's connection factory offers it beside that api as
     * {@link Simulators}, and this is the one place the console opens that door. So the console depends
     * on nothing of the adapter but the api and the three small interfaces of {@code core.sim}
     * (provided by the .rar at run time, like the api), and works unchanged against an adapter without a
     * simulated switch: the demo API then answers 409.
     */
    public Optional<Simulator> simulator() {
        return factory instanceof Simulators simulators ? simulators.simulator() : Optional.empty();
    }

    /** Who sent the request, for the log; null when nobody signed in. */
    static String user(SecurityContext security) {
        Principal principal = security.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }
}
