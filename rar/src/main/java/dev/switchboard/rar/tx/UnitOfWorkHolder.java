package dev.switchboard.rar.tx;

import dev.switchboard.core.UnitOfWork;

/** A managed connection, as the transaction code sees it: operations on it go to the associated unit of work. */
public interface UnitOfWorkHolder {

    /** From now on, operations through this connection are staged in {@code uow}. */
    void associate(UnitOfWork uow);

    /** Operations through this connection apply live again. */
    void dissociate();
}
