package dev.switchboard.rar.outbound;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.ForwardingCallControl;

/**
 * The connection an application holds. Checks on every call that it is still valid (not closed,
 * not taken back by the container, its application still active) and reports close to the pool.
 * Every operation goes to the application's core session, staged in the unit of work of the
 * transaction the managed connection is enlisted in, if any (R21, R32).
 */
public final class SwitchboardConnectionHandle extends ForwardingCallControl implements SwitchboardConnection {
    private final String application;
    private volatile SwitchboardManagedConnection managedConnection;
    private volatile boolean closed;

    SwitchboardConnectionHandle(SwitchboardManagedConnection managedConnection, String application) {
        this.managedConnection = managedConnection;
        this.application = application;
    }

    SwitchboardManagedConnection managedConnection() {
        return managedConnection;
    }

    void attach(SwitchboardManagedConnection mc) {
        this.managedConnection = mc;
    }

    void invalidate() {
        this.managedConnection = null;
    }

    private SwitchboardManagedConnection valid() {
        SwitchboardManagedConnection mc = managedConnection;
        if (closed || mc == null) {
            throw new SwitchboardException(TapiError.UNINITIALIZED, "the connection of application '" + application
                    + "' is " + (closed ? "closed" : "no longer valid (the container took it back)"));
        }
        return mc;
    }

    @Override
    protected CallControl control() {
        return valid().control();
    }

    @Override
    public String application() {
        return application;
    }

    @Override
    public HandoffResult handoffToApplication(CallHandle call, String targetApplication) {
        SwitchboardManagedConnection mc = valid();
        long start = System.nanoTime();
        try {
            return mc.control().handoffToApplication(call, targetApplication);
        } finally {
            mc.handoffLatency().recordSince(start);
        }
    }

    @Override
    public HandoffResult handoffToMediaMode(CallHandle call, int mediaMode) {
        SwitchboardManagedConnection mc = valid();
        long start = System.nanoTime();
        try {
            return mc.control().handoffToMediaMode(call, mediaMode);
        } finally {
            mc.handoffLatency().recordSince(start);
        }
    }

    @Override
    public CallHandle makeCall(String line, String destination, int mediaModes) {
        return valid().makeCall(line, destination, mediaModes);
    }

    @Override
    public void setAppPriority(MediaMode mode, int priority) {
        valid().session().setAppPriority(mode, priority);
    }

    @Override
    public int getAppPriority(MediaMode mode) {
        return valid().session().getAppPriority(mode);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SwitchboardManagedConnection mc = managedConnection;
        managedConnection = null;
        if (mc != null) {
            mc.handleClosed(this);
        }
    }

    @Override
    public String toString() {
        return "SwitchboardConnection[" + application + (closed ? ", closed" : "") + "]";
    }
}
