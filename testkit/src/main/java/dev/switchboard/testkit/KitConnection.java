package dev.switchboard.testkit;

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
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.UnitOfWork;
import java.util.List;

/**
 * A connection acting for one application: every operation goes to its core session, live or staged
 * in the unit of work of the transaction it was taken in (R21, R32), as the adapter's connection
 * handle does. Unusable once closed, and once its application is closed.
 */
final class KitConnection implements SwitchboardConnection {
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

    private CallControl control() {
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
    public HandoffResult handoffToApplication(CallHandle call, String targetApplication) {
        return control().handoffToApplication(call, targetApplication);
    }

    @Override
    public HandoffResult handoffToMediaMode(CallHandle call, int mediaMode) {
        return control().handoffToMediaMode(call, mediaMode);
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
    public String toString() {
        return "KitConnection[" + application + (uow == null ? "" : ", in " + uow.name()) + "]";
    }
}
