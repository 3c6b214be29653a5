package dev.switchboard.rar;

import dev.switchboard.api.event.CallEvent;
import dev.switchboard.core.log.LogText;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Every operator-facing message of the resource adapter, each with a stable id (SWB2xxx) so that
 * operators can search for it and alerts can match it. Messages about a delivery name the call
 * and the application. The core's own messages are SWB1xxx. Values from outside (application
 * names and activation configs from deployment descriptors, events that carry a caller's SIP
 * address, transaction ids) go through {@link LogText}: escaped and cut.
 */
public final class RaLog {
    private static final Logger LOG = System.getLogger("dev.switchboard.rar");
    /** Our own exceptions' messages name calls, applications and transactions: let more of them through. */
    private static final int MESSAGE_CHARS = 1000;

    private RaLog() {
    }

    public static void started(String instance, String provider, Object lines, Object priorityFile) {
        LOG.log(Level.INFO, "SWB2001: Switchboard resource adapter ''{0}'' started: provider {1}, lines {2},"
                + " priority lists in {3}", LogText.of(instance), LogText.of(provider), LogText.of(lines),
                LogText.of(priorityFile));
    }

    public static void stopped(String instance) {
        LOG.log(Level.INFO, "SWB2002: Switchboard resource adapter ''{0}'' stopped", LogText.of(instance));
    }

    public static void applicationActivated(String app, Object spec) {
        LOG.log(Level.INFO, "SWB2003: application ''{0}'' activated: {1}", LogText.of(app), LogText.of(spec));
    }

    public static void applicationDeactivated(String app) {
        LOG.log(Level.INFO, "SWB2004: application ''{0}'' deactivated; the calls it owned go to the next"
                + " application by priority or stay unowned (R7)", LogText.of(app));
    }

    public static void deliveryAttemptFailed(String app, CallEvent event, int attempt, int attempts, Throwable cause) {
        LOG.log(Level.WARNING, "SWB2005: delivering " + describe(event) + " to application '" + LogText.of(app)
                + "' failed (attempt " + attempt + " of " + attempts + ")", cause);
    }

    public static void deliveryGaveUp(String app, CallEvent event, int attempts) {
        LOG.log(Level.ERROR, "SWB2006: giving up delivering {0} to application ''{1}'' after {2} attempts;"
                + " an ownership offer goes to the next application by priority (R23)", describe(event), LogText.of(app),
                attempts);
    }

    public static void deliveredAfterRetry(String app, CallEvent event, int attempt) {
        LOG.log(Level.INFO, "SWB2007: delivered {0} to application ''{1}'' on attempt {2}", describe(event),
                LogText.of(app), attempt);
    }

    public static void branchRolledBackAtPrepare(String xid, Throwable cause) {
        LOG.log(Level.WARNING, "SWB2009: transaction branch " + LogText.of(xid) + " cannot commit: "
                + LogText.of(cause.getMessage(), MESSAGE_CHARS) + "; it is rolled back (R22)");
    }

    public static void transactionFailed(String what, String xid, Throwable cause) {
        LOG.log(Level.ERROR, "SWB2010: " + what + " of transaction branch " + LogText.of(xid) + " failed", cause);
    }

    public static void stopFailed(Throwable cause) {
        LOG.log(Level.ERROR, "SWB2011: closing the switchboard while stopping the resource adapter failed", cause);
    }

    public static void jmxRegistrationFailed(String name, Throwable cause) {
        LOG.log(Level.WARNING, "SWB2012: the adapter's JMX statistics bean " + LogText.of(name) + " could not be (un)registered;"
                + " the adapter runs on without it", cause);
    }

    public static void timerTaskRefused(Throwable cause, int attempt, long retryInMillis) {
        LOG.log(attempt == 1 ? Level.WARNING : Level.DEBUG, "SWB2013: the WorkManager refused a line provider''s"
                + " timed task ({0}, attempt {1}); it is handed over again in {2} ms", LogText.of(cause.getMessage(), MESSAGE_CHARS),
                String.valueOf(attempt), String.valueOf(retryInMillis));
    }

    public static void timerTaskDropped(Throwable cause) {
        LOG.log(Level.INFO, "SWB2014: a line provider''s timed task is dropped: the adapter is stopping ({0})",
                LogText.of(cause.getMessage(), MESSAGE_CHARS));
    }

    public static void workRefused(String what, Throwable cause, int attempt, long retryInMillis) {
        LOG.log(attempt == 1 ? Level.WARNING : Level.DEBUG, "SWB2015: the WorkManager refused a worker for {0} ({1},"
                + " attempt {2}); the tasks stay queued for a running worker, the next task or a retry in {3} ms",
                what, LogText.of(cause.getMessage(), MESSAGE_CHARS), String.valueOf(attempt),
                retryInMillis < 0 ? "(none)" : String.valueOf(retryInMillis));
    }

    public static void taskFailed(String what, Throwable cause) {
        LOG.log(Level.ERROR, "SWB2016: one of the " + what + " failed; the tasks after it still run", cause);
    }

    public static void deliveryOutcomeHeardBy(String app, String how) {
        LOG.log(Level.DEBUG, "SWB2017: application ''{0}'': the outcome of each transacted delivery is heard through {1}",
                LogText.of(app), how);
    }

    /** The event for a log line, escaped: its text carries the caller's and called party's addresses. */
    public static String describe(CallEvent event) {
        return event.getClass().getSimpleName() + " " + LogText.of(event) + " for call " + LogText.of(event.callId())
                + " on line " + LogText.of(event.line());
    }

    public static void joinedCluster(String instance, String node, String container, Object members) {
        LOG.log(Level.INFO, "SWB2020: Switchboard resource adapter ''{0}'' is node {1} of a cluster through cache"
                + " container {2}: members {3}; the priority lists, the call directory and operators'' commands are"
                + " shared there", LogText.of(instance), LogText.of(node), LogText.of(container), LogText.of(members));
    }
}
