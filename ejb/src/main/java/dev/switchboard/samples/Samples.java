package dev.switchboard.samples;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Names the sample applications share, and the one log line format they all use. */
public final class Samples {

    /**
     * The adapter's connection factory, as the EAR names it for all its modules: a resource reference
     * in {@code application.xml} whose target is the server's own name for it (WildFly
     * {@code java:/switchboard/ConnectionFactory}, Open Liberty {@code switchboard/ConnectionFactory}
     * through {@code ibm-application-bnd.xml}). See docs/portability.md.
     */
    public static final String FACTORY_JNDI = "java:app/switchboard/ConnectionFactory";

    /** The topic the audit monitor publishes every call event to (defined by {@link AuditMonitor}). */
    public static final String AUDIT_TOPIC_JNDI = "java:app/jms/topic/switchboard/audit";

    public static final String VOICE = "voice";
    public static final String FAX = "fax";
    public static final String DATAMODEM = "datamodem";
    public static final String PROBER = "prober";
    public static final String AUDIT = "audit";
    public static final String AGENT = "agent";

    private static final Logger LOG = Logger.getLogger("dev.switchboard.samples");

    private Samples() {
    }

    /**
     * Logs what an application does with a call as {@code "<app> <what> <callId> <rest>"},
     * for example {@code "voice hands call-1 to G3FAX: SUCCESS"}.
     */
    static void log(String application, String action, String callId, String detail) {
        LOG.info(() -> application + " " + action + " " + callId + (detail.isEmpty() ? "" : " " + detail));
    }

    /**
     * What an application that owns one media mode does with a call it is given: it claims the
     * call's media mode (R16, which tells every other holder) and answers it unless already answered.
     */
    static void takeCall(SwitchboardConnectionFactory factory, String application, CallHandle handle,
                         MediaMode mode) {
        try (SwitchboardConnection c = factory.getConnection(application)) {
            c.setMediaMode(handle, mode.bit());
            answerIfRinging(c, handle);
        }
    }

    /**
     * Answers a call that is not yet answered and returns true; false for one already answered (a
     * call handed over after its answer). A call an application is given is not always new.
     */
    static boolean answerIfRinging(SwitchboardConnection c, CallHandle handle) {
        CallState state = c.callInfo(handle).state();
        if (state == CallState.OFFERING || state == CallState.ACCEPTED) {
            c.answer(handle);
            return true;
        }
        return false;
    }

    /**
     * Deallocates the application's handle when a call is over (IDLE, R24), so that the call can
     * disappear. An application that already let go of the call (for example in the same
     * transaction that dropped it) may still be sent the call's last events: its handle is then
     * no longer valid, which is fine here.
     */
    static void letGo(SwitchboardConnectionFactory factory, String application, CallHandle handle, String callId) {
        try (SwitchboardConnection c = factory.getConnection(application)) {
            c.deallocate(handle);
            log(application, "lets go of", callId, "(idle)");
        } catch (SwitchboardException e) {
            if (e.error() != TapiError.INVALCALLHANDLE) {
                throw e;
            }
            LOG.log(Level.FINE, () -> application + " had already let go of " + callId);
        }
    }
}
