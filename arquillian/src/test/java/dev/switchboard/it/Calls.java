package dev.switchboard.it;

import dev.switchboard.api.CallView;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.Simulator;
import dev.switchboard.core.sim.Simulators;
import dev.switchboard.it.apps.Results;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** In-container helpers: look things up, place a simulated call and read the operator's view of it. */
final class Calls {
    private Calls() {
    }

    static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(InitialContext.doLookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("cannot look up " + name, e);
        }
    }

    static SwitchboardConnectionFactory factory(String jndiName) {
        return lookup(jndiName, SwitchboardConnectionFactory.class);
    }

    static Results results() {
        return lookup("java:app/test-apps/Results", Results.class);
    }

    /** The adapter's simulated switch, through the connection factory's door beside the public api. */
    static Simulator simulator(SwitchboardConnectionFactory factory) {
        if (!(factory instanceof Simulators simulators)) {
            throw new IllegalStateException("connection factory " + factory + " offers no simulator");
        }
        return simulators.simulator().orElseThrow(() -> new IllegalStateException("the adapter runs no simulated switch"));
    }

    /** Places a call on the simulated switch and returns the adapter's view of it. */
    static CallView place(SwitchboardConnectionFactory factory, String line, int mediaModes) {
        SimulatedCall placed = simulator(factory).placeCall(line, mediaModes, "it-caller");
        return view(factory.getOperator(), placed.callId());
    }

    static CallView view(SwitchboardOperator operator, String callId) {
        return operator.call(callId).orElseThrow(() -> new AssertionError("call " + callId + " is gone"));
    }
}
