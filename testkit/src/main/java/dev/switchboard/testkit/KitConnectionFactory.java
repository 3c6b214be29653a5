package dev.switchboard.testkit;

import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.TapiError;

/** The kit's stand-in for the adapter's connection factory. */
final class KitConnectionFactory implements SwitchboardConnectionFactory {
    private final SwitchboardTestKit kit;

    KitConnectionFactory(SwitchboardTestKit kit) {
        this.kit = kit;
    }

    /**
     * A connection for an application open in the kit (INVALAPPNAME otherwise), enlisted in the
     * transaction running on this thread, if any, as a container enlists a connection at the time
     * it is taken.
     */
    @Override
    public SwitchboardConnection getConnection(String application) {
        TestApplication app = kit.requireOpen(application);
        return new KitConnection(app.name(), app.session(), kit.transaction().get());
    }

    /** Not in the kit: read the core's view through {@link SwitchboardTestKit#switchboard()} instead. */
    @Override
    public SwitchboardOperator getOperator() {
        throw new SwitchboardException(TapiError.OPERATIONUNAVAIL, "the test kit's connection factory has no "
                + "operator view; a test reads calls with SwitchboardTestKit.call(...) or switchboard()");
    }
}
