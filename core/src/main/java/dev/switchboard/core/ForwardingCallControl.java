package dev.switchboard.core;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfo;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import java.util.List;

/**
 * A {@link CallControl} that passes every operation to the one {@link #control()} gives at the time
 * of the call. The adapter's connection handle and the test kit's connection are both this: each
 * only decides which control is current (and whether the connection may still be used), and
 * overrides what it does around an operation, such as timing a handoff.
 */
public abstract class ForwardingCallControl implements CallControl {

    /** The control to pass the next operation to; throws when the connection may not be used. */
    protected abstract CallControl control();

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
}
