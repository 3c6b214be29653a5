package dev.switchboard.it;

import static org.awaitility.Awaitility.await;

import dev.switchboard.api.CallView;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.it.apps.Results;
import java.time.Duration;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** In-container helpers: look things up, place a simulated call and find it in the operator's view. */
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

    /** Places a call on the simulated switch and returns the adapter's view of it. */
    static CallView place(SwitchboardOperator operator, String line, int mediaModes) {
        String simId = operator.placeSimulatedCall(line, mediaModes, "it-caller");
        return await().atMost(Duration.ofSeconds(10)).until(() -> find(operator, simId), Optional::isPresent).get();
    }

    static Optional<CallView> find(SwitchboardOperator operator, String providerCallId) {
        return operator.calls().stream().filter(c -> c.providerCallId().equals(providerCallId)).findFirst();
    }

    static CallView view(SwitchboardOperator operator, String callId) {
        return operator.calls().stream().filter(c -> c.callId().equals(callId)).findFirst()
                .orElseThrow(() -> new AssertionError("call " + callId + " is gone"));
    }
}
