package dev.switchboard.rar.outbound;

import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.rar.AdapterRuntime;
import dev.switchboard.rar.SwitchboardResourceAdapter;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Makes the pooled connections. A managed connection acts for one application, named in the
 * {@link ApplicationRequestInfo}; {@link #matchManagedConnections} returns a pooled one only for
 * the same application.
 */
@ConnectionDefinition(
        connectionFactory = SwitchboardConnectionFactory.class,
        connectionFactoryImpl = SwitchboardConnectionFactoryImpl.class,
        connection = SwitchboardConnection.class,
        connectionImpl = SwitchboardConnectionHandle.class)
public class SwitchboardManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        TransactionSupport {
    private static final long serialVersionUID = 1L;

    private transient SwitchboardResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager cm) {
        return new SwitchboardConnectionFactoryImpl(this, cm);
    }

    /** Switchboard connections need the container's pool and transaction enlistment. */
    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new NotSupportedException("Switchboard connections are only available inside an application server");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo cri) throws ResourceException {
        if (!(cri instanceof ApplicationRequestInfo info)) {
            throw new NotSupportedException("a Switchboard connection must be asked for with an application name"
                    + " (SwitchboardConnectionFactory.getConnection(application)), not with " + cri);
        }
        return new SwitchboardManagedConnection(this, runtime(), info.application());
    }

    @Override
    public ManagedConnection matchManagedConnections(@SuppressWarnings("rawtypes") Set candidates, Subject subject,
                                                     ConnectionRequestInfo cri) {
        if (!(cri instanceof ApplicationRequestInfo info)) {
            return null;
        }
        for (Object o : candidates) {
            if (o instanceof SwitchboardManagedConnection mc && mc.factory() == this && mc.isUsable()
                    && mc.application().equals(info.application())) {
                return mc;
            }
        }
        return null;
    }

    AdapterRuntime runtime() throws ResourceException {
        if (resourceAdapter == null) {
            throw new NotSupportedException("the connection factory is not associated with the Switchboard resource adapter");
        }
        return resourceAdapter.requireRuntime();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof SwitchboardResourceAdapter sra)) {
            throw new NotSupportedException("not the Switchboard resource adapter: " + ra);
        }
        this.resourceAdapter = sra;
    }

    @Override
    public TransactionSupport.TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.XATransaction;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // No configuration properties of its own: two factories are equal only if they are the same one.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
