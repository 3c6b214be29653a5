package dev.switchboard.rar.tx;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;

/**
 * The resource manager's transaction branches: one core {@link UnitOfWork} per Xid, shared by
 * every XAResource of the same adapter (so a branch joined through another connection, after
 * {@code isSameRM} said true, stages into the same unit of work).
 *
 * <p>In memory only: after a crash of the server nothing is prepared, so there is nothing to
 * recover.
 */
public final class TransactionBranches {

    /** One branch. Its fields are guarded by the branch itself. */
    static final class Branch {
        final XidKey xid;
        final UnitOfWork uow;
        boolean rollbackOnly;
        boolean prepared;

        Branch(XidKey xid, UnitOfWork uow) {
            this.xid = xid;
            this.uow = uow;
        }
    }

    private final ConcurrentHashMap<XidKey, Branch> branches = new ConcurrentHashMap<>();

    Branch begin(Switchboard switchboard, Xid xid) throws XAException {
        XidKey key = new XidKey(xid);
        Branch b = new Branch(key, switchboard.beginUnitOfWork(key.toString()));
        if (branches.putIfAbsent(key, b) != null) {
            throw error(XAException.XAER_DUPID, "transaction branch " + key + " is already started");
        }
        return b;
    }

    Branch get(Xid xid) throws XAException {
        XidKey key = new XidKey(xid);
        Branch b = branches.get(key);
        if (b == null) {
            throw error(XAException.XAER_NOTA, "transaction branch " + key + " is not known to Switchboard");
        }
        return b;
    }

    void remove(Branch b) {
        branches.remove(b.xid, b);
    }

    /** The prepared branches whose outcome is not known yet. */
    Xid[] prepared() {
        List<Xid> out = new ArrayList<>();
        for (Branch b : branches.values()) {
            synchronized (b) {
                if (b.prepared) {
                    out.add(b.xid);
                }
            }
        }
        return out.toArray(new Xid[0]);
    }

    /** Rolls back every open branch (the adapter is stopping). */
    public void rollbackAll() {
        for (Branch b : branches.values()) {
            synchronized (b) {
                b.uow.rollback();
            }
            remove(b);
        }
    }

    static XAException error(int code, String message) {
        XAException e = new XAException(message);
        e.errorCode = code;
        return e;
    }
}
