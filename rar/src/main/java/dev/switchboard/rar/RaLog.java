package dev.switchboard.rar;

import dev.switchboard.api.event.CallEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Every operator-facing message of the resource adapter, each with a stable id (SWB2xxx) so that
 * operators can search for it and alerts can match it. Messages about a delivery name the call
 * and the application. The core's own messages are SWB1xxx.
 */
public final class RaLog {
    private static final Logger LOG = System.getLogger("dev.switchboard.rar");

    private RaLog() {
    }

    public static void started(String provider, Object lines, Object priorityFile) {
        LOG.log(Level.INFO, "SWB2001: Switchboard resource adapter started: provider {0}, lines {1},"
                + " priority lists in {2}", provider, lines, priorityFile);
    }

    public static void stopped() {
        LOG.log(Level.INFO, "SWB2002: Switchboard resource adapter stopped");
    }

    public static void applicationActivated(String app, Object spec) {
        LOG.log(Level.INFO, "SWB2003: application ''{0}'' activated: {1}", app, spec);
    }

    public static void applicationDeactivated(String app) {
        LOG.log(Level.INFO, "SWB2004: application ''{0}'' deactivated; the calls it owned go to the next"
                + " application by priority or stay unowned (R7)", app);
    }

    public static void deliveryAttemptFailed(String app, CallEvent event, int attempt, int attempts, Throwable cause) {
        LOG.log(Level.WARNING, "SWB2005: delivering " + describe(event) + " to application '" + app
                + "' failed (attempt " + attempt + " of " + attempts + ")", cause);
    }

    public static void deliveryGaveUp(String app, CallEvent event, int attempts) {
        LOG.log(Level.ERROR, "SWB2006: giving up delivering {0} to application ''{1}'' after {2} attempts;"
                + " an ownership offer goes to the next application by priority (R23)", describe(event), app, attempts);
    }

    public static void deliveredAfterRetry(String app, CallEvent event, int attempt) {
        LOG.log(Level.INFO, "SWB2007: delivered {0} to application ''{1}'' on attempt {2}", describe(event), app,
                attempt);
    }

    public static void branchRolledBackAtPrepare(String xid, Throwable cause) {
        LOG.log(Level.WARNING, "SWB2009: transaction branch " + xid + " cannot commit: " + cause.getMessage()
                + "; it is rolled back (R22)");
    }

    public static void transactionFailed(String what, String xid, Throwable cause) {
        LOG.log(Level.ERROR, "SWB2010: " + what + " of transaction branch " + xid + " failed", cause);
    }

    public static void stopFailed(Throwable cause) {
        LOG.log(Level.ERROR, "SWB2011: closing the switchboard while stopping the resource adapter failed", cause);
    }

    public static void jmxRegistrationFailed(String name, Throwable cause) {
        LOG.log(Level.WARNING, "SWB2012: the adapter's JMX statistics bean " + name + " could not be (un)registered;"
                + " the adapter runs on without it", cause);
    }

    public static void timerTaskRefused(Throwable cause, int attempt, long retryInMillis) {
        LOG.log(attempt == 1 ? Level.WARNING : Level.DEBUG, "SWB2013: the WorkManager refused a line provider''s"
                + " timed task ({0}, attempt {1}); it is handed over again in {2} ms", String.valueOf(cause.getMessage()),
                String.valueOf(attempt), String.valueOf(retryInMillis));
    }

    public static void timerTaskDropped(Throwable cause) {
        LOG.log(Level.INFO, "SWB2014: a line provider''s timed task is dropped: the adapter is stopping ({0})",
                String.valueOf(cause.getMessage()));
    }

    public static String describe(CallEvent event) {
        return event.getClass().getSimpleName() + " " + event + " for call " + event.callId() + " on line "
                + event.line();
    }
}
