package dev.switchboard.it.console;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * 'voice' for {@link ConsoleWithoutSamplesIT}, a stand-in for the sample with nothing of the samples:
 * owner of INTERACTIVEVOICE on every line, it listens for a fax tone and hands the call to G3FAX when
 * it hears one (R10, R17), then lets go; it publishes nothing anywhere.
 */
@MessageDriven(name = "ToneVoiceApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "voice"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "INTERACTIVEVOICE:1")})
public class ToneVoiceApp implements SwitchboardListener {

    @Resource(lookup = "java:app/switchboard/ConnectionFactory")
    SwitchboardConnectionFactory factory;

    @Override
    public void onCallEvent(CallEvent event) {
        try (SwitchboardConnection c = factory.getConnection("voice")) {
            if (event instanceof CallStateEvent s && s.offersOwnership()) {
                c.monitorMedia(s.handle(), MediaMode.G3FAX.bit());
            } else if (event instanceof MediaDetectedEvent m && m.mode() == MediaMode.G3FAX) {
                if (c.handoffToMediaMode(m.handle(), MediaMode.G3FAX.bit()) == HandoffResult.SUCCESS) {
                    c.deallocate(m.handle());
                }
            } else if (event instanceof CallStateEvent s && s.state() == CallState.IDLE) {
                letGo(c, s.handle());
            }
        }
    }

    /** Deallocates at IDLE, unless the handle went with the handoff already. */
    static void letGo(SwitchboardConnection c, CallHandle handle) {
        try {
            c.deallocate(handle);
        } catch (SwitchboardException e) {
            if (e.error() != TapiError.INVALCALLHANDLE) {
                throw e;
            }
        }
    }
}
