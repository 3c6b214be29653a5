package dev.switchboard.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.CallView;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.it.apps.Results;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** R21 and R22 in the container: handoffs made through an enlisted connection, committed, rolled back, contended. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransactionalHandoffIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithAdapter("tx-it.ear", TransactionalHandoffIT.class);
    }

    private SwitchboardConnectionFactory factory;
    private SwitchboardOperator operator;
    private Results results;
    private UserTransaction ut;
    private ManagedExecutorService executor;

    @BeforeEach
    void lookUp() {
        factory = Calls.factory(Deployments.CONNECTION_FACTORY);
        operator = factory.getOperator();
        results = Calls.results();
        ut = Calls.lookup("java:comp/UserTransaction", UserTransaction.class);
        executor = Calls.lookup("java:comp/DefaultManagedExecutorService", ManagedExecutorService.class);
    }

    @AfterEach
    void noTransactionLeftOpen() throws Exception {
        if (ut.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
            ut.rollback();
        }
    }

    /** A new voice call, owned by 'voice': its OFFERING event. */
    private CallStateEvent voiceCall() {
        CallView call = Calls.place(factory, "line1", MediaMode.INTERACTIVEVOICE.bit());
        return await().atMost(WAIT).until(() -> results.ownerOffer("voice", call.callId()),
                java.util.Optional::isPresent).get();
    }

    @Test
    void handoffInCommittedTransactionReachesTargetOnlyAtCommit_R21() throws Exception {
        CallStateEvent offer = voiceCall();
        String callId = offer.callId();

        ut.begin();
        try (SwitchboardConnection voice = factory.getConnection("voice")) {
            assertEquals(HandoffResult.SUCCESS, voice.handoffToApplication(offer.handle(), "fax"));
        }
        // The transaction is still open. Seen from another thread, nothing has changed and the
        // target has heard nothing: this fails if the coordinator applied the handoff before commit.
        Future<CallView> seen = executor.submit(() -> Calls.view(operator, callId));
        assertEquals(List.of("voice"), seen.get(10, TimeUnit.SECONDS).owners());
        await().during(Duration.ofMillis(400)).atMost(WAIT)
                .until(() -> results.events("fax", callId).isEmpty() && Calls.view(operator, callId).owners().equals(List.of("voice")));

        ut.commit();

        CallStateEvent faxOffer = await().atMost(WAIT).until(() -> results.ownerOffer("fax", callId),
                java.util.Optional::isPresent).get();
        assertEquals(Privilege.OWNER, faxOffer.privilege());
        // R12: the caller stays an owner until it lets go
        assertEquals(Set.of("voice", "fax"), Set.copyOf(Calls.view(operator, callId).owners()));
    }

    @Test
    void handoffInRolledBackTransactionChangesNothingAndSendsNoEvent_R21() throws Exception {
        CallStateEvent offer = voiceCall();
        String callId = offer.callId();
        CallHandle handle = offer.handle();

        ut.begin();
        try (SwitchboardConnection voice = factory.getConnection("voice")) {
            assertEquals(HandoffResult.SUCCESS, voice.handoffToApplication(handle, "fax"));
            voice.setPrivilege(handle, Privilege.MONITOR); // allowed in the transaction: fax would be an owner
        }
        ut.rollback();

        assertEquals(List.of("voice"), Calls.view(operator, callId).owners());
        assertEquals(List.of(), Calls.view(operator, callId).monitors());
        try (SwitchboardConnection voice = factory.getConnection("voice")) {
            CallInfo info = voice.callInfo(handle);
            assertEquals(Privilege.OWNER, info.privilege());
            assertEquals(1, info.numOwners());
            assertEquals(0, info.numMonitors());
            // A committed (live) handoff to 'fax' afterwards: each application hears a call's events in
            // order, so once fax has this offer, any event the rolled-back handoff had sent it came first.
            assertEquals(HandoffResult.SUCCESS, voice.handoffToApplication(handle, "fax"));
        }
        await().atMost(WAIT).until(() -> results.ownerOffer("fax", callId).isPresent());
        List<CallEvent> faxGot = results.events("fax", callId);
        assertEquals(1, faxGot.size(), "the rolled-back handoff sent fax an event: " + faxGot);
    }

    @Test
    void secondTransactionOnSameCallTimesOutWithResourceUnavail_R22() throws Exception {
        CallStateEvent offer = voiceCall();
        ut.begin();
        try (SwitchboardConnection voice = factory.getConnection("voice")) {
            assertEquals(HandoffResult.SUCCESS, voice.handoffToApplication(offer.handle(), "fax"));
        }
        long started = System.nanoTime();
        Future<TapiError> second = executor.submit(() -> {
            ut.begin();
            try (SwitchboardConnection voice = factory.getConnection("voice")) {
                voice.handoffToApplication(offer.handle(), "backup");
                return null;
            } catch (SwitchboardException e) {
                return e.error();
            } finally {
                ut.rollback();
            }
        });
        assertEquals(TapiError.RESOURCEUNAVAIL, second.get(20, TimeUnit.SECONDS));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waitedMillis >= Deployments.LOCK_TIMEOUT_MILLIS - 100, "gave up after " + waitedMillis + " ms");
        ut.commit();
        await().atMost(WAIT).until(() -> results.ownerOffer("fax", offer.callId()).isPresent());
    }

    @Test
    void secondTransactionWaitsForFirstAndThenSeesItsOutcome_R22() throws Exception {
        CallStateEvent offer = voiceCall();
        ut.begin();
        try (SwitchboardConnection voice = factory.getConnection("voice")) {
            assertEquals(HandoffResult.SUCCESS, voice.handoffToApplication(offer.handle(), "fax"));
        }
        // The second transaction makes voice a monitor. Against the state before the first commits
        // (voice the sole owner) that is INVALCALLSTATE (R14); after it (fax an owner too) it is allowed.
        CountDownLatch asking = new CountDownLatch(1);
        Future<String> second = executor.submit(() -> {
            ut.begin();
            try (SwitchboardConnection voice = factory.getConnection("voice")) {
                asking.countDown();
                voice.setPrivilege(offer.handle(), Privilege.MONITOR);
                return "done";
            } catch (SwitchboardException e) {
                return e.error().name();
            } finally {
                if (ut.getStatus() == jakarta.transaction.Status.STATUS_ACTIVE) {
                    ut.commit();
                } else {
                    ut.rollback();
                }
            }
        });
        assertTrue(asking.await(10, TimeUnit.SECONDS));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !second.isDone());

        ut.commit();

        assertEquals("done", second.get(10, TimeUnit.SECONDS), "the second transaction saw the first one's handoff");
        CallView after = Calls.view(operator, offer.callId());
        assertEquals(List.of("fax"), after.owners());
        assertEquals(List.of("voice"), after.monitors());
    }

    @Test
    void connectionForUnknownApplicationIsRefused_INVALAPPNAME() {
        SwitchboardException e = assertThrows(SwitchboardException.class, () -> factory.getConnection("nobody"));
        assertEquals(TapiError.INVALAPPNAME, e.error());
        assertTrue(e.getMessage().contains("'nobody'"), e.getMessage());
    }

    /** The suite's leak invariant (see {@link Leaks}): runs after its other tests. */
    @Test
    @Order(Integer.MAX_VALUE)
    void leavesNoCallHandleOrPortBehind() {
        Leaks.hangUpRemoveAndAssertNothingHeld(factory);
    }
}
