package dev.switchboard.rar.outbound;

import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.sim.Simulator;
import dev.switchboard.core.sim.Simulators;
import dev.switchboard.rar.AdapterRuntime;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import java.util.Optional;
import javax.naming.Reference;

/**
 * The connection factory applications look up at {@code java:/switchboard/ConnectionFactory}. It is
 * also the door to the simulated switch ({@link Simulators}) for the console's demo API and the tests:
 * outside the public api, which has no simulation in it.
 */
public final class SwitchboardConnectionFactoryImpl
        implements SwitchboardConnectionFactory, Simulators, Serializable, Referenceable {
    private static final long serialVersionUID = 1L;

    private final SwitchboardManagedConnectionFactory mcf;
    private final ConnectionManager connectionManager;
    private Reference reference;

    SwitchboardConnectionFactoryImpl(SwitchboardManagedConnectionFactory mcf, ConnectionManager connectionManager) {
        this.mcf = mcf;
        this.connectionManager = connectionManager;
    }

    @Override
    public SwitchboardConnection getConnection(String application) {
        AdapterRuntime runtime = runtime();
        if (application == null || !runtime.isActive(application)) {
            throw new SwitchboardException(TapiError.INVALAPPNAME, "a connection was asked for application '"
                    + application + "', which is not an active application; active applications: "
                    + runtime.activeApplications());
        }
        try {
            return (SwitchboardConnection) connectionManager.allocateConnection(mcf, new ApplicationRequestInfo(application));
        } catch (ResourceException e) {
            throw new SwitchboardException(TapiError.RESOURCEUNAVAIL, "no connection for application '" + application
                    + "': " + e.getMessage(), e);
        }
    }

    @Override
    public SwitchboardOperator getOperator() {
        return runtime().operator();
    }

    @Override
    public Optional<Simulator> simulator() {
        return runtime().simulator();
    }

    private AdapterRuntime runtime() {
        try {
            return mcf.runtime();
        } catch (ResourceException e) {
            throw new SwitchboardException(TapiError.UNINITIALIZED, e.getMessage(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
