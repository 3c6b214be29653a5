package dev.switchboard.samples;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import dev.switchboard.api.event.TransferResultEvent;
import dev.switchboard.samples.ledger.HandoffLedger;
import dev.switchboard.samples.ledger.LedgerRollbackException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * The interactive-voice application: owner of INTERACTIVEVOICE calls on every line. It answers and
 * plays its menu ({@link VoiceMenu}: operator, voicemail, agent), listens to the caller's digits
 * and watches for a fax tone. The two ways a voice call turns out to be a fax, at any moment of the call:
 * <ul>
 *   <li>remote party command: the caller presses {@value #FAX_DIGIT} ("I want to send a fax");</li>
 *   <li>media type change: the line detects a G3FAX calling tone (R17).</li>
 * </ul>
 * Either way it hands the call off by media mode G3FAX (R10) through the {@link HandoffLedger},
 * which records the handoff in the database in the same transaction, and after SUCCESS lets go
 * of its handle (R12). Pressing {@value #FAX_DIGIT_ROLLBACK} does the same but makes the ledger
 * roll back: neither the handoff nor the ledger row happen (R21), and the call stays here.
 *
 * <p>The fax digits come as {@link DigitEvent}s (R18), the menu's choices as the completion of a
 * gather (R28): a digit is both, and each path ignores what the other handles.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = Samples.VOICE),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "*"),
        @ActivationConfigProperty(propertyName = "privileges", propertyValue = "OWNER"),
        @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "INTERACTIVEVOICE:1")
})
public class VoiceApplication implements SwitchboardListener {

    /** The caller presses 9 to say "I want to send a fax". */
    public static final char FAX_DIGIT = '9';
    /** Like 9, but the ledger is told to roll back: a demonstration of R21. */
    public static final char FAX_DIGIT_ROLLBACK = '8';

    @Inject // through the CDI producer in SwitchboardResources
    SwitchboardConnectionFactory factory;

    @EJB
    HandoffLedger ledger;

    @EJB
    OutcomeAudit audit;

    @Inject
    VoiceMenu menu;

    @Override
    public void onCallEvent(CallEvent event) {
        if (event instanceof CallStateEvent s && s.offersOwnership()) {
            take(s);
        } else if (event instanceof CallStateEvent s && s.state() == CallState.CONNECTED
                && s.privilege() == Privilege.OWNER) {
            menu.greet(s.handle(), s.callId()); // answered: the caller hears the menu from now
        } else if (event instanceof MediaCompletedEvent m) {
            menu.completed(m);
        } else if (event instanceof TransferResultEvent t) {
            menu.transferred(t);
        } else if (event instanceof DigitEvent d && d.digit() == FAX_DIGIT) {
            handToFax(d.handle(), d.callId(), d.line(), "caller pressed 9", false);
        } else if (event instanceof DigitEvent d && d.digit() == FAX_DIGIT_ROLLBACK) {
            handToFax(d.handle(), d.callId(), d.line(), "caller pressed 8 (ledger rolls back)", true);
        } else if (event instanceof MediaDetectedEvent m && m.mode() == MediaMode.G3FAX) {
            handToFax(m.handle(), m.callId(), m.line(), "fax tone detected", false);
        } else if (event instanceof CallStateEvent s && s.state() == CallState.IDLE) {
            menu.forget(s.callId());
            Samples.letGo(factory, Samples.VOICE, s.handle(), s.callId());
        }
    }

    private void take(CallStateEvent s) {
        boolean answered;
        try (SwitchboardConnection c = factory.getConnection(Samples.VOICE)) {
            // listen first, then answer: no digit or tone after the answer is missed
            c.monitorDigits(s.handle(), true);
            c.monitorMedia(s.handle(), MediaMode.G3FAX.bit());
            answered = Samples.answerIfRinging(c, s.handle());
        }
        menu.forget(s.callId()); // a call given back (by the agent application) starts the menu afresh
        if (!answered) {
            menu.greet(s.handle(), s.callId()); // answered before it came here: no CONNECTED event will come
        }
        Samples.log(Samples.VOICE, "owns", s.callId(), "on " + s.line() + (answered ? ": answered" : ": given back")
                + ", press 9 for fax");
    }

    private void handToFax(CallHandle handle, String callId, String line, String why, boolean forceRollback) {
        HandoffResult result;
        try {
            result = ledger.handoffAndRecord(Samples.VOICE, handle, callId, MediaMode.G3FAX, forceRollback);
        } catch (LedgerRollbackException e) {
            Samples.log(Samples.VOICE, "keeps", callId, "(" + why + "): " + e.getMessage());
            audit.handoff(Samples.VOICE, callId, line, MediaMode.G3FAX.name(), HandoffResult.SUCCESS.name(), false, why);
            return;
        }
        Samples.log(Samples.VOICE, "hands", callId, "to G3FAX (" + why + "): " + result);
        audit.handoff(Samples.VOICE, callId, line, MediaMode.G3FAX.name(), result.name(), true, why);
        if (result == HandoffResult.SUCCESS) {
            menu.forget(callId);
            try (SwitchboardConnection c = factory.getConnection(Samples.VOICE)) {
                c.deallocate(handle);
            }
            Samples.log(Samples.VOICE, "lets go of", callId, "(handed off)");
        }
    }
}
