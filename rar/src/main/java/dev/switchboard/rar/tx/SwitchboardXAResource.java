package dev.switchboard.rar.tx;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.core.Switchboard;
import dev.switchboard.rar.RaLog;
import dev.switchboard.rar.tx.TransactionBranches.Branch;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XAResource of one managed connection, over the core's {@link dev.switchboard.core.UnitOfWork}:
 * {@code start} begins (or joins) a unit of work and associates the connection with it, so its
 * handoffs, privilege changes and deallocations are staged (R21); {@code prepare} checks that every
 * staged decision still holds (R22) and votes XA_RBINTEGRITY when one does not; {@code commit}
 * applies them and sends their events; {@code rollback} drops them. Read-only branches vote
 * XA_RDONLY.
 */
public final class SwitchboardXAResource implements XAResource {
    private final Switchboard switchboard;
    private final TransactionBranches branches;
    private final UnitOfWorkHolder connection;
    private volatile int timeoutSeconds;

    public SwitchboardXAResource(Switchboard switchboard, TransactionBranches branches, UnitOfWorkHolder connection) {
        this.switchboard = switchboard;
        this.branches = branches;
        this.connection = connection;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        Branch b;
        if ((flags & (TMJOIN | TMRESUME)) != 0) {
            b = branches.get(xid);
        } else if (flags == TMNOFLAGS) {
            b = branches.begin(switchboard, xid);
        } else {
            throw TransactionBranches.error(XAException.XAER_INVAL, "start flags 0x" + Integer.toHexString(flags));
        }
        connection.associateBranch(b.uow);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        Branch b = branches.get(xid);
        connection.dissociate();
        if ((flags & TMFAIL) != 0) {
            synchronized (b) {
                b.rollbackOnly = true;
            }
        }
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        Branch b = branches.get(xid);
        synchronized (b) {
            if (b.rollbackOnly) {
                b.uow.rollback();
                branches.remove(b);
                throw TransactionBranches.error(XAException.XA_RBROLLBACK, "branch " + b.xid + " was marked rollback-only");
            }
            if (b.uow.isEmpty()) {
                b.uow.rollback(); // releases nothing but ends the unit of work cleanly
                branches.remove(b);
                return XA_RDONLY;
            }
            try {
                b.uow.prepare();
            } catch (SwitchboardException e) {
                RaLog.branchRolledBackAtPrepare(b.xid.toString(), e);
                b.uow.rollback();
                branches.remove(b);
                XAException x = TransactionBranches.error(XAException.XA_RBINTEGRITY, e.getMessage());
                x.initCause(e);
                throw x;
            } catch (IllegalStateException e) {
                throw protocol(b, e);
            }
            b.prepared = true;
            return XA_OK;
        }
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        Branch b = branches.get(xid);
        synchronized (b) {
            try {
                if (onePhase) {
                    if (b.rollbackOnly) {
                        b.uow.rollback();
                        throw TransactionBranches.error(XAException.XA_RBROLLBACK, "branch " + b.xid
                                + " was marked rollback-only");
                    }
                    try {
                        b.uow.commit(); // checks every decision first, like prepare
                    } catch (SwitchboardException e) {
                        RaLog.branchRolledBackAtPrepare(b.xid.toString(), e);
                        b.uow.rollback();
                        XAException x = TransactionBranches.error(XAException.XA_RBINTEGRITY, e.getMessage());
                        x.initCause(e);
                        throw x;
                    }
                } else {
                    if (!b.prepared) {
                        throw TransactionBranches.error(XAException.XAER_PROTO, "two-phase commit of branch " + b.xid
                                + ", which was not prepared");
                    }
                    b.uow.commit();
                }
            } catch (IllegalStateException e) {
                throw protocol(b, e);
            } catch (RuntimeException e) {
                RaLog.transactionFailed("commit", b.xid.toString(), e);
                XAException x = TransactionBranches.error(XAException.XAER_RMERR, "commit of branch " + b.xid
                        + " failed: " + e.getMessage());
                x.initCause(e);
                throw x;
            } finally {
                branches.remove(b);
            }
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        Branch b = branches.get(xid);
        synchronized (b) {
            try {
                b.uow.rollback();
            } finally {
                branches.remove(b);
            }
        }
    }

    /** Forgets a branch; Switchboard never makes heuristic decisions, so this only drops its record. */
    @Override
    public void forget(Xid xid) throws XAException {
        Branch b = branches.get(xid);
        synchronized (b) {
            b.uow.rollback();
            branches.remove(b);
        }
    }

    /**
     * The prepared branches whose outcome is not yet known, in memory. After a crash there are
     * none: staged changes are not persisted, so nothing is ever left prepared across a restart.
     */
    @Override
    public Xid[] recover(int flag) throws XAException {
        if ((flag & TMSTARTRSCAN) != 0 || flag == TMNOFLAGS) {
            return branches.prepared();
        }
        return new Xid[0];
    }

    /** The same resource manager: any XAResource of the same adapter instance, which shares its branches. */
    @Override
    public boolean isSameRM(XAResource other) {
        return other instanceof SwitchboardXAResource x && x.branches == branches;
    }

    @Override
    public int getTransactionTimeout() {
        return timeoutSeconds;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        this.timeoutSeconds = seconds;
        return true;
    }

    private static XAException protocol(Branch b, IllegalStateException e) {
        XAException x = TransactionBranches.error(XAException.XAER_PROTO, "branch " + b.xid + ": " + e.getMessage());
        x.initCause(e);
        return x;
    }
}
