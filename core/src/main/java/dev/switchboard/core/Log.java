package dev.switchboard.core;

import dev.switchboard.api.MediaMode;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Every operator-facing message of the core, each with a stable id (SWB1xxx) so that operators
 * can search for it and alerts can match it. Each names the call and the application.
 */
final class Log {
    private static final Logger LOG = System.getLogger("dev.switchboard.core");

    private Log() {
    }

    static void callUnowned(Call call, int mediaModes) {
        LOG.log(Level.WARNING, "SWB1001: call {0} ({1}) has no owner application; it stays OFFERING,"
                + " visible to monitors and operators, until an application claims it or the caller hangs up",
                call, MediaMode.describe(mediaModes));
    }

    static void offerRefused(Call call, String app, Throwable cause) {
        LOG.log(Level.WARNING, "SWB1002: application '" + app + "' did not take call " + call
                + "; offering it to the next application by priority", cause);
    }

    static void deliveryFailed(Call call, String app, Object event, Throwable cause) {
        LOG.log(Level.ERROR, "SWB1003: delivering " + event + " for call " + call + " to application '"
                + app + "' failed; the event is dropped for that application only", cause);
    }

    static void unknownProviderCall(String provider, String providerCallId, String what) {
        LOG.log(Level.WARNING, "SWB1004: line provider {0} reported {1} for call {2}, which is not (or no"
                + " longer) known; ignored", provider, what, providerCallId);
    }

    static void decisionChangedAtCommit(Call call, String app, String operation, Object decided, Object now) {
        LOG.log(Level.ERROR, "SWB1005: {0} by application ''{1}'' on call {2} was decided as {3} but at commit"
                + " gives {4}; the call changed between prepare and commit; applied as it now stands",
                operation, app, call, decided, now);
    }

    static void deliveryLoopFailure(Throwable e) {
        LOG.log(Level.ERROR, "SWB1006: an event delivery failed outside its own error handling", e);
    }

    static void providerActionFailed(Call call, String action, Throwable e) {
        LOG.log(Level.ERROR, "SWB1007: line provider " + call.provider.name() + " failed to " + action
                + " call " + call, e);
    }

    static void callOwnerLeft(Call call, String app) {
        LOG.log(Level.INFO, "SWB1008: application ''{0}'' closed while owning call {1}; offering the call"
                + " to the next application by priority", app, call);
    }

    static void deliveryRefused(String call, int attempt, Duration retryIn, RuntimeException cause) {
        if (retryIn == null) {
            LOG.log(Level.ERROR, "SWB1040: the delivery executor refused the events of call {0} ({1}) and no retry"
                    + " can be scheduled (the switchboard is stopping); they go out with the call''s next event or"
                    + " an operator''s drop", call, String.valueOf(cause.getMessage()));
        } else if (attempt == 1) {
            LOG.log(Level.WARNING, "SWB1040: the delivery executor refused the events of call {0} ({1}); they stay"
                    + " queued, in order, and are tried again in {2} ms until it takes them", call,
                    String.valueOf(cause.getMessage()), String.valueOf(retryIn.toMillis()));
        } else {
            LOG.log(Level.DEBUG, "SWB1040: the delivery executor refused the events of call {0} again (attempt {1});"
                    + " next try in {2} ms", call, String.valueOf(attempt), String.valueOf(retryIn.toMillis()));
        }
    }

    static void operatorEndedInCore(Call call, String why) {
        LOG.log(Level.WARNING, "SWB1041: operator''s drop of call {0}: {1}; the call is ended in the switchboard"
                + " (DISCONNECTED and IDLE to every holder, R24) and removed from the live calls", call, why);
    }
}
