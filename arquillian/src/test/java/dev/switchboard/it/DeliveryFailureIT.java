package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.it.apps.Results;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** R23 in the container: an owner whose handler fails is retried, then the call goes to the next owner. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryFailureIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithAdapter("delivery-it.ear", DeliveryFailureIT.class);
    }

    private SwitchboardConnectionFactory factory;
    private SwitchboardOperator operator;
    private Results results;

    @BeforeEach
    void lookUp() {
        factory = Calls.factory(Deployments.CONNECTION_FACTORY);
        operator = factory.getOperator();
        results = Calls.results();
    }

    @Test
    void ownerThatThrowsIsRetriedThenCallGoesToNextByPriority_R23() {
        assertEquals(List.of("throwing", "backup"), operator.effectivePriority("line1", MediaMode.TDD));
        CallView call = Calls.place(factory, "line1", MediaMode.TDD.bit());

        await().atMost(WAIT).until(() -> results.ownerOffer("backup", call.callId()).isPresent());
        assertEquals(1 + Deployments.DELIVERY_RETRIES, results.attempts("throwing", call.callId()));
        assertEquals(List.of("backup"), Calls.view(operator, call.callId()).owners());
    }

    @Test
    void ownerWhoseDeliveryTransactionRollsBackIsRetriedThenCallGoesToNextByPriority_R23() {
        assertEquals(List.of("rollingback", "backup"), operator.effectivePriority("line2", MediaMode.G4FAX));
        CallView call = Calls.place(factory, "line2", MediaMode.G4FAX.bit());

        await().atMost(WAIT).until(() -> results.ownerOffer("backup", call.callId()).isPresent());
        assertEquals(1 + Deployments.DELIVERY_RETRIES, results.attempts("rollingback", call.callId()));
        assertEquals(List.of("backup"), Calls.view(operator, call.callId()).owners());
    }

    /** The suite's leak invariant (see {@link Leaks}): runs after its other tests. */
    @Test
    @Order(Integer.MAX_VALUE)
    void leavesNoCallHandleOrPortBehind() {
        Leaks.hangUpRemoveAndAssertNothingHeld(factory);
    }
}
