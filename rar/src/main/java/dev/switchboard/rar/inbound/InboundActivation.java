package dev.switchboard.rar.inbound;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.EventSink;
import dev.switchboard.core.latency.LatencyRecorders;
import dev.switchboard.rar.AdapterRuntime;
import dev.switchboard.rar.RaLog;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * One MDB activation, which is one application: its open session in the core and the delivery of
 * the core's events to the MDB. The core calls {@link #deliver} on a WorkManager thread (its
 * delivery executor hands each call's drain to the WorkManager), one call's events one at a time.
 */
public final class InboundActivation implements EventSink {
    static final Method ON_CALL_EVENT;

    static {
        try {
            ON_CALL_EVENT = SwitchboardListener.class.getMethod("onCallEvent", CallEvent.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AdapterRuntime runtime;
    private final MessageEndpointFactory factory;
    private final ApplicationSpec spec;
    private final int attempts;
    private final long retryDelayMillis;
    private final Optional<TransactionSynchronizationRegistry> synchronizations;
    private volatile boolean transacted;
    /**
     * Whether the container begins the delivery's transaction in beforeDelivery, so that its outcome
     * can be heard through a synchronization: learnt from the first transacted delivery, which still
     * enlists the {@link DeliveryOutcome} as a resource. Null until then.
     */
    private volatile Boolean transactionBegunBeforeDelivery;
    private volatile ApplicationSession session;
    private volatile boolean active;

    public InboundActivation(AdapterRuntime runtime, MessageEndpointFactory factory, SwitchboardActivationSpec spec)
            throws ResourceException {
        this.runtime = runtime;
        this.factory = factory;
        this.spec = spec.toApplicationSpec();
        this.attempts = 1 + runtime.settings().deliveryRetries();
        this.retryDelayMillis = runtime.settings().deliveryRetryDelayMillis();
        this.synchronizations = runtime.synchronizations();
    }

    public String application() {
        return spec.name();
    }

    /** Opens the application's lines; from now on calls are offered to it. */
    public void start() throws ResourceException {
        try {
            transacted = factory.isDeliveryTransacted(ON_CALL_EVENT);
        } catch (NoSuchMethodException e) {
            throw new NotSupportedException("the endpoint of application '" + spec.name()
                    + "' does not implement SwitchboardListener.onCallEvent", e);
        }
        active = true;
        try {
            session = runtime.open(spec, this);
        } catch (SwitchboardException e) {
            active = false;
            throw new NotSupportedException("Switchboard activation of application '" + spec.name() + "' refused: "
                    + e.getMessage(), e);
        }
        RaLog.applicationActivated(spec.name(), spec);
    }

    /** Closes the application's lines; the calls it owned are offered on (R7). */
    public void stop() {
        active = false;
        ApplicationSession s = session;
        session = null;
        if (s != null) {
            runtime.close(s);
            RaLog.applicationDeactivated(spec.name());
        }
    }

    /**
     * Delivers one event, retrying as configured; after the last failed attempt the failure is
     * rethrown, so that the core offers an ownership offer to the next application (R23).
     */
    @Override
    public void deliver(CallEvent event) throws Exception {
        deliver(event, false, 0, 0);
    }

    /**
     * The same, timing how long the event took to the handler's first attempt: from being made,
     * and from when it could go (the application's previous event of the call handled).
     */
    @Override
    public void deliver(CallEvent event, long madeAtNanos, long readyAtNanos) throws Exception {
        deliver(event, true, madeAtNanos, readyAtNanos);
    }

    @Override
    public boolean timesEvents() {
        return true;
    }

    private void deliver(CallEvent event, boolean timed, long madeAtNanos, long readyAtNanos) throws Exception {
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (!active) {
                throw new IllegalStateException("application '" + spec.name() + "' was deactivated; "
                        + RaLog.describe(event) + " is not delivered");
            }
            try {
                deliverOnce(event, timed && attempt == 1, madeAtNanos, readyAtNanos);
                if (attempt > 1) {
                    RaLog.deliveredAfterRetry(spec.name(), event, attempt);
                }
                return;
            } catch (Exception e) {
                last = e;
                RaLog.deliveryAttemptFailed(spec.name(), event, attempt, attempts, e);
                if (attempt < attempts && retryDelayMillis > 0) {
                    pause();
                }
            }
        }
        RaLog.deliveryGaveUp(spec.name(), event, attempts);
        throw last;
    }

    private void deliverOnce(CallEvent event, boolean timed, long madeAtNanos, long readyAtNanos) throws Exception {
        DeliveryOutcome outcome = transacted ? new DeliveryOutcome() : null;
        boolean synchronize = outcome != null && synchronizations.isPresent()
                && Boolean.TRUE.equals(transactionBegunBeforeDelivery);
        MessageEndpoint endpoint = factory.createEndpoint(outcome == null || synchronize ? null : outcome);
        try {
            Throwable failure = null;
            boolean before = false;
            try {
                endpoint.beforeDelivery(ON_CALL_EVENT);
                before = true;
                if (synchronize) {
                    synchronizations.get().registerInterposedSynchronization(outcome);
                } else if (outcome != null && transactionBegunBeforeDelivery == null) {
                    learnWhereTransactionBegins();
                }
                if (timed) {
                    // the handler's entry, as far as the adapter sees it: the endpoint's transaction has begun
                    LatencyRecorders latencies = runtime.switchboard().latencies();
                    latencies.eventToHandler().recordSince(madeAtNanos);
                    latencies.readyToHandler().recordSince(readyAtNanos);
                }
                ((SwitchboardListener) endpoint).onCallEvent(event);
            } catch (Throwable t) {
                failure = t;
            } finally {
                if (before) {
                    try {
                        endpoint.afterDelivery();
                    } catch (Throwable t) {
                        if (failure == null) {
                            failure = t;
                        } else {
                            failure.addSuppressed(t);
                        }
                    }
                }
            }
            if (failure == null && outcome != null && outcome.rolledBack()) {
                failure = new DeliveryRolledBackException("the delivery transaction of " + RaLog.describe(event)
                        + " to application '" + spec.name() + "' rolled back");
            }
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } finally {
            endpoint.release();
        }
    }

    /**
     * After the first transacted delivery's beforeDelivery: is its transaction on this thread now? Then
     * later deliveries hear their outcome through a synchronization instead of a resource of their own.
     */
    private void learnWhereTransactionBegins() {
        boolean begun = synchronizations.isPresent() && synchronizations.get().getTransactionKey() != null;
        transactionBegunBeforeDelivery = begun;
        RaLog.deliveryOutcomeHeardBy(spec.name(), begun ? "a transaction synchronization"
                : "a resource enlisted in each delivery's transaction (two-phase commits)");
    }

    private void pause() throws InterruptedException {
        Thread.sleep(retryDelayMillis);
    }

    /** The MDB returned normally but its delivery transaction rolled back. */
    static final class DeliveryRolledBackException extends Exception {
        private static final long serialVersionUID = 1L;

        DeliveryRolledBackException(String message) {
            super(message);
        }
    }
}
