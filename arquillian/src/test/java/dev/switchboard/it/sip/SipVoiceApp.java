package dev.switchboard.it.sip;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;

/**
 * 'sip-voice': owner of INTERACTIVEVOICE on the SIP lines. Answers, monitors digits and fax media;
 * a fax detection (CNG or T.38 re-INVITE) or the digit 1 makes it hand the call to G3FAX and
 * become a monitor (R10, R12, R14). The digit 8 makes it offer the call to G4FAX while staying its
 * owner: in the soak ({@link SoakIT}) every G4FAX application refuses it (R23).
 */
@MessageDriven(name = "SipVoiceApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "sip-voice"),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "voice-in,slow-fax"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "INTERACTIVEVOICE:1")})
public class SipVoiceApp implements SwitchboardListener {
    static final String NAME = "sip-voice";

    @Resource(lookup = SipCallsIT.FACTORY)
    private SwitchboardConnectionFactory factory;
    @EJB
    private SipResults results;

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallStateEvent s && s.offersOwnership()) {
            try (SwitchboardConnection c = factory.getConnection(NAME)) {
                c.monitorDigits(s.handle(), true);
                c.monitorMedia(s.handle(), MediaMode.G3FAX.bit());
                c.answer(s.handle());
            }
        } else if (event instanceof MediaDetectedEvent m && m.mode() == MediaMode.G3FAX) {
            handToFax(m.handle(), m.callId());
        } else if (event instanceof DigitEvent d) {
            results.digit(d.callId(), d.digit());
            if (d.digit() == '1') {
                handToFax(d.handle(), d.callId());
            } else if (d.digit() == '8') {
                offerToG4fax(d.handle(), d.callId());
            }
        } else if (event instanceof CallStateEvent s && s.state() == CallState.IDLE) {
            results.idle(s.callId(), NAME, s.privilege());
            try (SwitchboardConnection c = factory.getConnection(NAME)) {
                c.deallocate(s.handle());
            }
        }
    }

    private void handToFax(CallHandle handle, String callId) {
        try (SwitchboardConnection c = factory.getConnection(NAME)) {
            if (c.callInfo(handle).privilege() != Privilege.OWNER) {
                return; // handed off already (a CNG tone and then a T.38 re-INVITE are two detections)
            }
            HandoffResult r = c.handoffToMediaMode(handle, MediaMode.G3FAX);
            if (r == HandoffResult.SUCCESS) {
                c.setPrivilege(handle, Privilege.MONITOR);
            } else {
                results.problem(callId, "handoff to G3FAX gave " + r);
            }
        } catch (SwitchboardException e) {
            results.problem(callId, "handoff failed: " + e.getMessage());
        }
    }

    /** Offers the call to G4FAX and stays its owner, so a refusal by every G4FAX application leaves it here (R23). */
    private void offerToG4fax(CallHandle handle, String callId) {
        try (SwitchboardConnection c = factory.getConnection(NAME)) {
            HandoffResult r = c.handoffToMediaMode(handle, MediaMode.G4FAX);
            if (r != HandoffResult.SUCCESS) {
                results.problem(callId, "handoff to G4FAX gave " + r);
            }
        } catch (SwitchboardException e) {
            results.problem(callId, "handoff to G4FAX failed: " + e.getMessage());
        }
    }
}
