package dev.switchboard.it.sip;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * 'sip-throwing', the soak's second G4FAX application: its handler throws on every ownership offer,
 * so the adapter retries and then passes the call on (R23); with nobody after it the call stays
 * with the owner that offered it.
 */
@MessageDriven(name = "SoakThrowingApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "sip-throwing"),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "voice-in,slow-fax"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "G4FAX:2")})
public class SoakThrowingApp implements SwitchboardListener {
    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallStateEvent s && s.offersOwnership()) {
            throw new IllegalStateException("soak application 'sip-throwing' refuses call " + s.callId());
        }
    }
}
