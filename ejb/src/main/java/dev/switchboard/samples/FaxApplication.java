package dev.switchboard.samples;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/**
 * The fax application: owner of G3FAX calls on every line, whether they arrive as new fax
 * calls (R4) or are handed over by the voice application or the prober (R11). It sets the
 * call's media mode to G3FAX alone (R16, R19: this tells every other application), answers if
 * nobody has yet, and "receives" the fax (it logs). When the call is over it lets go.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = Samples.FAX),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "*"),
        @ActivationConfigProperty(propertyName = "privileges", propertyValue = "OWNER"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "G3FAX:1")
})
public class FaxApplication implements SwitchboardListener {

    @Resource(lookup = Samples.FACTORY_JNDI) // the plain Jakarta EE way; VoiceApplication shows @Inject
    SwitchboardConnectionFactory factory;

    @Override
    public void onCallEvent(CallEvent event) {
        if (!(event instanceof CallStateEvent s)) {
            return;
        }
        if (s.offersOwnership()) {
            Samples.takeCall(factory, Samples.FAX, s.handle(), MediaMode.G3FAX);
            Samples.log(Samples.FAX, "takes", s.callId(), "on " + s.line() + ": receiving a fax");
        } else if (s.state() == CallState.IDLE) {
            Samples.letGo(factory, Samples.FAX, s.handle(), s.callId());
        }
    }
}
