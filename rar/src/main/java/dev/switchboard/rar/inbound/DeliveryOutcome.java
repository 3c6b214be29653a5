package dev.switchboard.rar.inbound;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XAResource handed to {@code createEndpoint} for a transacted delivery. It holds no data: it
 * stands for "the application accepted this event", so its outcome tells the adapter whether the
 * delivery's transaction committed or rolled back (for example after setRollbackOnly), which is
 * how a rolled-back delivery is detected and retried (R23), as a JMS adapter redelivers.
 *
 * <p>It votes XA_OK so that it always hears the outcome. There is nothing to recover after a
 * crash: {@link #recover} returns no Xid, and the delivery is simply not acknowledged.
 */
final class DeliveryOutcome implements XAResource {
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
