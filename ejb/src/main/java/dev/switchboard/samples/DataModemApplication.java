package dev.switchboard.samples;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * The data-modem application: owner of DATAMODEM calls on every line. It claims the media mode,
 * answers and logs; when the call is over it lets go.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = Samples.DATAMODEM),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "*"),
        @ActivationConfigProperty(propertyName = "privileges", propertyValue = "OWNER"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "DATAMODEM:1")
})
public class DataModemApplication implements SwitchboardListener {

    @Inject
    SwitchboardConnectionFactory factory;

    @Override
    public void onCallEvent(CallEvent event) {
        if (!(event instanceof CallStateEvent s)) {
            return;
        }
        if (s.offersOwnership()) {
            Samples.takeCall(factory, Samples.DATAMODEM, s.handle(), MediaMode.DATAMODEM);
            Samples.log(Samples.DATAMODEM, "takes", s.callId(), "on " + s.line() + ": modem training");
        } else if (s.state() == CallState.IDLE) {
            Samples.letGo(factory, Samples.DATAMODEM, s.handle(), s.callId());
        }
    }
}
