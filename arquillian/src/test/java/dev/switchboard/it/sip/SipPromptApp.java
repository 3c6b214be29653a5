package dev.switchboard.it.sip;

import dev.switchboard.api.CallState;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.Tone;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import java.nio.file.Path;
import java.time.Duration;

/**
 * 'sip-prompt': owner of INTERACTIVEVOICE on line prompt-in. Answers, and once CONNECTED plays a
 * prompt of two parts, the WAV file {@link #PROMPT} (which the test writes) and a 700 Hz tone; when
 * the play completes it notes how and drops the call.
 */
@MessageDriven(name = "SipPromptApp", activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "sip-prompt"),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "prompt-in"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "INTERACTIVEVOICE:1")})
public class SipPromptApp implements SwitchboardListener {
    public static final String NAME = "sip-prompt";
    /** The file played first; the test (in the same server) writes it before it calls. */
    public static final Path PROMPT = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-sip-prompt-it.wav");
    public static final Tone TONE = Tone.custom(Duration.ofMillis(600), Duration.ofMillis(600), Duration.ZERO, 700);

    @Resource(lookup = SipCallsIT.FACTORY)
    private SwitchboardConnectionFactory factory;
    @EJB
    private SipResults results;

    @Override
    public void onCallEvent(CallEvent event) {
        try (SwitchboardConnection c = factory.getConnection(NAME)) {
            if (event instanceof CallStateEvent s && s.offersOwnership()) {
                c.answer(s.handle());
            } else if (event instanceof CallStateEvent s && s.state() == CallState.CONNECTED) {
                c.play(s.handle(), Prompt.file(PROMPT), TONE);
            } else if (event instanceof MediaCompletedEvent m) {
                results.mediaEnded(m.callId(), m.operation() + " " + m.reason());
                c.drop(m.handle());
            } else if (event instanceof CallStateEvent s && s.state() == CallState.IDLE) {
                results.idle(s.callId(), NAME, s.privilege());
                c.deallocate(s.handle());
            }
        }
    }
}
