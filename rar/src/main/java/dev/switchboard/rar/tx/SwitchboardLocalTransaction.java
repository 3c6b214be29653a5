package dev.switchboard.rar.tx;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.UnitOfWork;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;

/**
 * A resource-manager-local transaction over one core unit of work, for a connection definition
 * configured with LocalTransaction support. The owner fires the LOCAL_TRANSACTION_* connection events.
 */
public final class SwitchboardLocalTransaction implements LocalTransaction {

    /** Told about each step so the managed connection can notify its listeners. */
    public interface Listener {
        void localTransaction(int connectionEventType);
    }

    private final Switchboard switchboard;
    private final UnitOfWorkHolder connection;
    private final Listener listener;
    private UnitOfWork uow;

    public SwitchboardLocalTransaction(Switchboard switchboard, UnitOfWorkHolder connection, Listener listener) {
        this.switchboard = switchboard;
        this.connection = connection;
        this.listener = listener;
    }

    @Override
    public synchronized void begin() throws ResourceException {
        if (uow != null) {
            throw new LocalTransactionException("a local transaction is already active on this connection");
        }
        uow = switchboard.beginUnitOfWork(null);
        connection.associate(uow);
        listener.localTransaction(jakarta.resource.spi.ConnectionEvent.LOCAL_TRANSACTION_STARTED);
    }

    @Override
    public synchronized void commit() throws ResourceException {
        UnitOfWork u = requireActive();
        try {
            u.commit();
        } catch (SwitchboardException e) {
            u.rollback();
            throw new LocalTransactionException("the local transaction rolled back: " + e.getMessage(), e);
        } finally {
            end();
        }
        listener.localTransaction(jakarta.resource.spi.ConnectionEvent.LOCAL_TRANSACTION_COMMITTED);
    }

    @Override
    public synchronized void rollback() throws ResourceException {
        UnitOfWork u = requireActive();
        try {
            u.rollback();
        } finally {
            end();
        }
        listener.localTransaction(jakarta.resource.spi.ConnectionEvent.LOCAL_TRANSACTION_ROLLEDBACK);
    }

    private UnitOfWork requireActive() throws LocalTransactionException {
        if (uow == null) {
            throw new LocalTransactionException("no local transaction is active on this connection");
        }
        return uow;
    }

    private void end() {
        uow = null;
        connection.dissociate();
    }
}
