package dev.switchboard.it.console;

import dev.switchboard.api.CallState;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** 'fax' for {@link ConsoleWithoutSamplesIT}: owner of G3FAX on every line; keeps what it is given until IDLE. */
@MessageDriven(name = "IdleFaxApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "fax"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "G3FAX:1")})
public class IdleFaxApp implements SwitchboardListener {

    @Resource(lookup = "java:app/switchboard/ConnectionFactory")
    SwitchboardConnectionFactory factory;

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallStateEvent s && s.state() == CallState.IDLE) {
            try (SwitchboardConnection c = factory.getConnection("fax")) {
                ToneVoiceApp.letGo(c, s.handle());
            }
        }
    }
}
