package dev.switchboard.rar.tx;

import dev.switchboard.core.UnitOfWork;

/** A managed connection, as the transaction code sees it: operations on it go to the associated unit of work. */
public interface UnitOfWorkHolder {

    /** From now on, operations through this connection are staged in {@code uow}. */
    void associate(UnitOfWork uow);

    /** The same for the unit of work of an XA branch, which a holder may want to tell from a local transaction's. */
    default void associateBranch(UnitOfWork uow) {
        associate(uow);
    }

    /** Operations through this connection apply live again. */
    void dissociate();
}
