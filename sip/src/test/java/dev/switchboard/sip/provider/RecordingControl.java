package dev.switchboard.sip.provider;

import dev.switchboard.sip.control.CallControlListener;
import dev.switchboard.sip.control.ControlResult;
import dev.switchboard.sip.control.DisconnectReason;
import dev.switchboard.sip.control.OutboundProgress;

/**
 * The call-control reports as lines of text in the same record as the provider's other reports,
 * so a test sees them in one order per call ("progress RINGBACK", "failed BUSY 486 Busy Here",
 * "transfer SUCCESS 200 OK", ...) and overlapping reports of one call are noticed.
 */
final class RecordingControl implements CallControlListener {
    private final RecordingEvents events;

    RecordingControl(RecordingEvents events) {
        this.events = events;
    }

    @Override
    public void progress(String providerCallId, OutboundProgress state) {
        events.record(providerCallId, "progress " + state);
    }

    @Override
    public void outboundFailed(String providerCallId, DisconnectReason reason, String detail) {
        events.record(providerCallId, "failed " + reason + " " + detail);
    }

    @Override
    public void redirectResult(String providerCallId, ControlResult result, String detail) {
        events.record(providerCallId, "redirect " + result + " " + detail);
    }

    @Override
    public void transferResult(String providerCallId, ControlResult result, String detail) {
        events.record(providerCallId, "transfer " + result + " " + detail);
    }
}
