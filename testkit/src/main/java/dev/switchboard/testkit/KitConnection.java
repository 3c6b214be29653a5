package dev.switchboard.testkit;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.ForwardingCallControl;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.UnitOfWork;

/**
 * A connection acting for one application: every operation goes to its core session, live or staged
 * in the unit of work of the transaction it was taken in (R21, R32), as the adapter's connection
 * handle does. Unusable once closed, and once its application is closed.
 */
final class KitConnection extends ForwardingCallControl implements SwitchboardConnection {
    private final String application;
    private final ApplicationSession session;
    private final UnitOfWork uow;
    private volatile boolean closed;

    KitConnection(String application, ApplicationSession session, UnitOfWork uow) {
        this.application = application;
        this.session = session;
        this.uow = uow;
    }

    private ApplicationSession session() {
        if (closed || !session.isOpen()) {
            throw new SwitchboardException(TapiError.UNINITIALIZED, "the connection of application '" + application
                    + "' is " + (closed ? "closed" : "no longer valid (the application was closed)"));
        }
        return session;
    }

    @Override
    protected CallControl control() {
        return session().control(uow);
    }

    @Override
    public String application() {
        return application;
    }

    @Override
    public void setAppPriority(MediaMode mode, int priority) {
        session().setAppPriority(mode, priority);
    }

    @Override
    public int getAppPriority(MediaMode mode) {
        return session().getAppPriority(mode);
    }

    @Override
    public CallHandle makeCall(String line, String destination, int mediaModes) {
        return session().makeCall(uow, line, destination, mediaModes);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "KitConnection[" + application + (uow == null ? "" : ", in " + uow.name()) + "]";
    }
}
