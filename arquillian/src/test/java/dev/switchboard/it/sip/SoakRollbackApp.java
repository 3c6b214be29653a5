package dev.switchboard.it.sip;

import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;

/**
 * 'sip-rollback', the soak's first G4FAX application: rolls its delivery transaction back on every
 * ownership offer, so the adapter retries and then passes the call on (R23).
 */
@MessageDriven(name = "SoakRollbackApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "sip-rollback"),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "voice-in,slow-fax"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "G4FAX:1")})
public class SoakRollbackApp implements SwitchboardListener {
    @Resource
    private MessageDrivenContext context;

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallStateEvent s && s.offersOwnership()) {
            context.setRollbackOnly();
        }
    }
}
