package dev.switchboard.rar.outbound;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.UnitOfWork;
import dev.switchboard.rar.AdapterRuntime;
import dev.switchboard.rar.Version;
import dev.switchboard.core.latency.LatencyRecorder;
import dev.switchboard.core.latency.LatencyRecorders;
import dev.switchboard.rar.tx.SwitchboardLocalTransaction;
import dev.switchboard.rar.tx.SwitchboardXAResource;
import dev.switchboard.rar.tx.UnitOfWorkHolder;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled connection acting for one application. Operations through its handles go to the
 * application's core session, staged in the unit of work of the transaction it is enlisted in,
 * if any (R21).
 */
public final class SwitchboardManagedConnection implements ManagedConnection, UnitOfWorkHolder {
    private final SwitchboardManagedConnectionFactory factory;
    private final AdapterRuntime runtime;
    private final String application;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<SwitchboardConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final SwitchboardXAResource xaResource;
    private final SwitchboardLocalTransaction localTransaction;
    private volatile UnitOfWork unitOfWork;
    /** Whether {@link #unitOfWork} is an XA branch's, which decides the histogram a handoff is timed in. */
    private volatile boolean xaBranch;
    private volatile boolean destroyed;
    private volatile PrintWriter logWriter;

    SwitchboardManagedConnection(SwitchboardManagedConnectionFactory factory, AdapterRuntime runtime, String application) {
        this.factory = factory;
        this.runtime = runtime;
        this.application = application;
        this.xaResource = new SwitchboardXAResource(runtime.switchboard(), runtime.branches(), this);
        this.localTransaction = new SwitchboardLocalTransaction(runtime.switchboard(), this, this::fireLocal);
    }

    String application() {
        return application;
    }

    SwitchboardManagedConnectionFactory factory() {
        return factory;
    }

    boolean isUsable() {
        return !destroyed && runtime.isActive(application);
    }

    /** Where an operation goes: the application's session, live or inside the current unit of work. */
    CallControl control() {
        return runtime.session(application).control(unitOfWork);
    }

    ApplicationSession session() {
        return runtime.session(application);
    }

    /** R30: a call made now, or, inside a transaction, placed at its commit (R32). */
    CallHandle makeCall(String line, String destination, int mediaModes) {
        return runtime.session(application).makeCall(unitOfWork, line, destination, mediaModes);
    }

    @Override
    public void associate(UnitOfWork uow) {
        this.xaBranch = false;
        this.unitOfWork = uow;
    }

    @Override
    public void associateBranch(UnitOfWork uow) {
        this.xaBranch = true;
        this.unitOfWork = uow;
    }

    @Override
    public void dissociate() {
        this.unitOfWork = null;
        this.xaBranch = false;
    }

    /** Where a handoff through this connection is timed: inside an XA branch or not (live, or a local transaction). */
    LatencyRecorder handoffLatency() {
        LatencyRecorders l = runtime.switchboard().latencies();
        return xaBranch ? l.handoffXa() : l.handoffNonXa();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo cri) throws ResourceException {
        if (destroyed) {
            throw new IllegalStateException("this Switchboard connection of application '" + application + "' is destroyed");
        }
        if (cri instanceof ApplicationRequestInfo info && !info.application().equals(application)) {
            throw new NotSupportedException("this connection acts for application '" + application
                    + "', not for '" + info.application() + "'");
        }
        SwitchboardConnectionHandle handle = new SwitchboardConnectionHandle(this, application);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof SwitchboardConnectionHandle handle)) {
            throw new NotSupportedException("not a Switchboard connection: " + connection);
        }
        if (!handle.application().equals(application)) {
            throw new NotSupportedException("a connection of application '" + handle.application()
                    + "' cannot be moved to a managed connection of application '" + application + "'");
        }
        SwitchboardManagedConnection old = handle.managedConnection();
        if (old != null) {
            old.handles.remove(handle);
        }
        handle.attach(this);
        handles.add(handle);
    }

    /** The container takes the connection back: every handle still out becomes invalid. */
    @Override
    public void cleanup() {
        for (SwitchboardConnectionHandle h : handles) {
            h.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        destroyed = true;
        cleanup();
        unitOfWork = null;
    }

    void handleClosed(SwitchboardConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(event);
        }
    }

    private void fireLocal(int type) {
        ConnectionEvent event = new ConnectionEvent(this, type);
        for (ConnectionEventListener l : listeners) {
            switch (type) {
                case ConnectionEvent.LOCAL_TRANSACTION_STARTED -> l.localTransactionStarted(event);
                case ConnectionEvent.LOCAL_TRANSACTION_COMMITTED -> l.localTransactionCommitted(event);
                case ConnectionEvent.LOCAL_TRANSACTION_ROLLEDBACK -> l.localTransactionRolledback(event);
                default -> throw new java.lang.IllegalStateException("not a local transaction event: " + type);
            }
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() {
        return xaResource;
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return localTransaction;
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "Switchboard";
            }

            @Override
            public String getEISProductVersion() {
                return Version.VERSION;
            }

            @Override
            public int getMaxConnections() {
                return 0; // no limit of its own
            }

            @Override
            public String getUserName() {
                return application;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public String toString() {
        return "SwitchboardManagedConnection[" + application + (unitOfWork == null ? "" : ", " + unitOfWork) + "]";
    }
}
