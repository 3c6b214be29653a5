package dev.switchboard.rar.inbound;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Whether a transacted delivery's transaction committed or rolled back (for example after
 * setRollbackOnly): how a rolled-back delivery is detected and retried (R23), as a JMS adapter
 * redelivers. It holds no data; it stands for "the application accepted this event".
 *
 * <p>It hears the outcome in one of two ways:
 * <ul>
 *   <li>as an interposed {@link Synchronization}, registered once the container has begun the
 *       delivery's transaction. The usual way: it adds no resource to the transaction, so an MDB
 *       that touches one resource (the switchboard, or a JMS topic) commits in one phase, with
 *       no transaction log write;</li>
 *   <li>as the XAResource handed to {@code createEndpoint}, where the container gives no
 *       synchronization registry, or has not begun the transaction by the end of
 *       {@code beforeDelivery}. It votes XA_OK so that it always hears the outcome, and makes every
 *       delivery that touches a resource a two-phase commit.</li>
 * </ul>
 * There is nothing to recover after a crash: {@link #recover} returns no Xid, and the delivery is
 * simply not acknowledged.
 */
final class DeliveryOutcome implements XAResource, Synchronization {
    private enum Outcome { PENDING, COMMITTED, ROLLED_BACK }

    private volatile Outcome outcome = Outcome.PENDING;
    private volatile int timeout;

    boolean rolledBack() {
        return outcome == Outcome.ROLLED_BACK;
    }

    @Override
    public void start(Xid xid, int flags) {
        outcome = Outcome.PENDING;
    }

    @Override
    public void end(Xid xid, int flags) {
        // nothing to detach: this resource holds no work of its own
    }

    @Override
    public int prepare(Xid xid) {
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        outcome = Outcome.COMMITTED;
    }

    @Override
    public void rollback(Xid xid) {
        outcome = Outcome.ROLLED_BACK;
    }

    @Override
    public void beforeCompletion() {
        // the outcome is not known yet
    }

    @Override
    public void afterCompletion(int status) {
        outcome = status == Status.STATUS_COMMITTED ? Outcome.COMMITTED : Outcome.ROLLED_BACK;
    }

    @Override
    public void forget(Xid xid) {
        // heuristic outcomes are never reported, so there is nothing to forget
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return timeout;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        this.timeout = seconds;
        return true;
    }
}
