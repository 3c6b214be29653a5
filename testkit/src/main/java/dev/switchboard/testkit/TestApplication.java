package dev.switchboard.testkit;

import dev.switchboard.api.CallState;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.EventSink;
import dev.switchboard.core.UnitOfWork;
import java.util.List;
import java.util.function.Predicate;

/**
 * One application open in a {@link SwitchboardTestKit}: its listener is delivered its events as
 * the resource adapter delivers them to an MDB, and the test waits for what was delivered.
 *
 * <p>An event counts as delivered once the listener has returned from it (so what the listener did
 * is done when an {@code await} returns); an event whose every attempt threw counts as failed.
 * After the last failed attempt an ownership offer goes to the next application by priority (R23),
 * and any other event is dropped, as in the adapter.
 */
public final class TestApplication implements AutoCloseable {
    private final SwitchboardTestKit kit;
    private final SwitchboardListener listener;
    private final boolean transacted;
    private final int attempts;
    private final DeliveryLog delivered;
    private final DeliveryLog failed;
    private volatile ApplicationSession session;

    private TestApplication(SwitchboardTestKit kit, String name, SwitchboardListener listener, boolean transacted) {
        this.kit = kit;
        this.listener = listener;
        this.transacted = transacted;
        this.attempts = 1 + kit.deliveryRetries();
        this.delivered = new DeliveryLog(name, "delivered", kit.timeout());
        this.failed = new DeliveryLog(name, "failed", kit.timeout());
    }

    static TestApplication open(SwitchboardTestKit kit, ApplicationSpec spec, boolean transacted,
                                SwitchboardListener listener) {
        TestApplication app = new TestApplication(kit, spec.name(), listener, transacted);
        kit.register(app);
        try {
            app.session = kit.switchboard().open(spec, app.new Sink());
        } catch (RuntimeException e) {
            kit.unregister(app);
            throw e;
        }
        return app;
    }

    public String name() {
        return delivered.application();
    }

    public boolean isOpen() {
        ApplicationSession s = session;
        return s != null && s.isOpen();
    }

    ApplicationSession session() {
        return session;
    }

    // ---- what was delivered ----

    /** The events the listener returned from, in the order it did. */
    public List<CallEvent> events() {
        return delivered.events();
    }

    /** The events every attempt of which threw. */
    public List<CallEvent> failedEvents() {
        return failed.events();
    }

    /** Waits for the first delivered event of {@code type} that {@code matching} accepts. */
    public <T extends CallEvent> T await(Class<T> type, Predicate<? super T> matching) {
        return delivered.await(type, matching, type.getSimpleName() + " matching the test's condition");
    }

    /** Waits until the listener has returned from the call's {@code state} event. */
    public CallStateEvent awaitState(String callId, CallState state) {
        return delivered.await(CallStateEvent.class, e -> e.callId().equals(callId) && e.state() == state,
                state + " of " + callId);
    }

    /** Waits until the listener has taken an ownership offer of the call (a new call, R4, or a handoff, R11). */
    public CallStateEvent awaitOffer(String callId) {
        return delivered.await(CallStateEvent.class, e -> e.callId().equals(callId) && e.offersOwnership(),
                "an ownership offer of " + callId);
    }

    /** Waits until every attempt to deliver an event of {@code type} that {@code matching} accepts has thrown. */
    public <T extends CallEvent> T awaitFailed(Class<T> type, Predicate<? super T> matching) {
        return failed.await(type, matching, type.getSimpleName() + " matching the test's condition");
    }

    /** Closes the application's lines, as undeploying its MDB does (R7: its calls go on to the next owner). */
    @Override
    public void close() {
        ApplicationSession s = session;
        if (s != null) {
            s.close();
        }
        kit.unregister(this);
    }

    @Override
    public String toString() {
        return "TestApplication[" + name() + "]";
    }

    /** Delivers one event with the adapter's retries, each attempt in a transaction of its own when transacted. */
    private final class Sink implements EventSink {
        @Override
        public void deliver(CallEvent event) throws Exception {
            RuntimeException lastRuntime = null;
            Error lastError = null;
            for (int attempt = 1; attempt <= attempts; attempt++) {
                try {
                    deliverOnce(event);
                    delivered.add(event);
                    return;
                } catch (RuntimeException e) {
                    lastRuntime = e;
                    lastError = null;
                } catch (Error e) {
                    lastError = e;
                    lastRuntime = null;
                }
            }
            failed.add(event);
            if (lastError != null) {
                throw lastError;
            }
            throw lastRuntime;
        }

        private void deliverOnce(CallEvent event) {
            if (!transacted) {
                listener.onCallEvent(event);
                return;
            }
            UnitOfWork uow = kit.switchboard().beginUnitOfWork(name() + "-delivery");
            kit.transaction().set(uow);
            try {
                listener.onCallEvent(event);
                uow.commit(); // prepares first: a staged change that no longer holds throws, and is a failed attempt
            } catch (RuntimeException | Error e) {
                uow.rollback();
                throw e;
            } finally {
                kit.transaction().remove();
            }
        }
    }
}
