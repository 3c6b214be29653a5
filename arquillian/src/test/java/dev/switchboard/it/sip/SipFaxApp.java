package dev.switchboard.it.sip;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;

/**
 * 'sip-fax': owner of G3FAX on the SIP lines. Taking a call it sets media mode G3FAX (which lets
 * the provider answer a pending T.38 re-INVITE), except on line slow-fax, where it never gets that
 * far: the caller hangs up mid-handoff there.
 */
@MessageDriven(name = "SipFaxApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "sip-fax"),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "voice-in,slow-fax"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "G3FAX:1")})
public class SipFaxApp implements SwitchboardListener {
    static final String NAME = "sip-fax";

    @Resource(lookup = SipCallsIT.FACTORY)
    private SwitchboardConnectionFactory factory;
    @EJB
    private SipResults results;

    @Override
    public void onCallEvent(CallEvent event) {
        if (!(event instanceof CallStateEvent s)) {
            return;
        }
        if (s.offersOwnership()) {
            try (SwitchboardConnection c = factory.getConnection(NAME)) {
                if (!s.line().equals("slow-fax")) {
                    c.setMediaMode(s.handle(), MediaMode.G3FAX.bit());
                }
                if (c.callInfo(s.handle()).state() == CallState.OFFERING) {
                    c.answer(s.handle());
                }
            }
        } else if (s.state() == CallState.IDLE) {
            results.idle(s.callId(), NAME, s.privilege());
            try (SwitchboardConnection c = factory.getConnection(NAME)) {
                c.deallocate(s.handle());
            }
        }
    }
}
