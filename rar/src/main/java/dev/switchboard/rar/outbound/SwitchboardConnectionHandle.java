package dev.switchboard.rar.outbound;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import java.util.List;

/**
 * The connection an application holds. Checks on every call that it is still valid (not closed,
 * not taken back by the container, its application still active) and reports close to the pool.
 * Every operation goes to the application's core session, staged in the unit of work of the
 * transaction the managed connection is enlisted in, if any (R21, R32).
 */
public final class SwitchboardConnectionHandle implements SwitchboardConnection {
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

    private CallControl control() {
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
    public void setPrivilege(CallHandle call, Privilege privilege) {
        control().setPrivilege(call, privilege);
    }

    @Override
    public void deallocate(CallHandle call) {
        control().deallocate(call);
    }

    @Override
    public void setMediaMode(CallHandle call, int mediaModes) {
        control().setMediaMode(call, mediaModes);
    }

    @Override
    public void monitorMedia(CallHandle call, int mediaModes) {
        control().monitorMedia(call, mediaModes);
    }

    @Override
    public void monitorDigits(CallHandle call, boolean enabled) {
        control().monitorDigits(call, enabled);
    }

    @Override
    public void answer(CallHandle call) {
        control().answer(call);
    }

    @Override
    public void drop(CallHandle call) {
        control().drop(call);
    }

    @Override
    public CallInfo callInfo(CallHandle call) {
        return control().callInfo(call);
    }

    @Override
    public String play(CallHandle call, List<Prompt> prompts) {
        return control().play(call, prompts);
    }

    @Override
    public void stopMedia(CallHandle call) {
        control().stopMedia(call);
    }

    @Override
    public String gatherDigits(CallHandle call, GatherRequest request) {
        return control().gatherDigits(call, request);
    }

    @Override
    public String record(CallHandle call, RecordRequest request) {
        return control().record(call, request);
    }

    @Override
    public String generateDigits(CallHandle call, String digits) {
        return control().generateDigits(call, digits);
    }

    @Override
    public String generateTone(CallHandle call, Tone tone) {
        return control().generateTone(call, tone);
    }

    @Override
    public String redirect(CallHandle call, String destination) {
        return control().redirect(call, destination);
    }

    @Override
    public String blindTransfer(CallHandle call, String destination) {
        return control().blindTransfer(call, destination);
    }

    @Override
    public String bridge(CallHandle a, CallHandle b) {
        return control().bridge(a, b);
    }

    @Override
    public void unbridge(CallHandle call) {
        control().unbridge(call);
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
