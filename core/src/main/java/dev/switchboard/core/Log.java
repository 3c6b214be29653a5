package dev.switchboard.core;

import dev.switchboard.api.MediaMode;
import dev.switchboard.core.log.LogText;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Every operator-facing message of the core, each with a stable id (SWB1xxx) so that operators
 * can search for it and alerts can match it. Each names the call and the application. Values that
 * came from outside (provider call ids are SIP Call-IDs, application names come from deployment
 * descriptors, events carry caller ids) go through {@link LogText}: escaped and cut.
 */
final class Log {
    private static final Logger LOG = System.getLogger("dev.switchboard.core");

    private Log() {
    }

    static void callUnowned(Call call, int mediaModes) {
        LOG.log(Level.WARNING, "SWB1001: call {0} ({1}) has no owner application; it stays OFFERING,"
                + " visible to monitors and operators, until an application claims it or the caller hangs up",
                LogText.of(call), MediaMode.describe(mediaModes));
    }

    static void offerRefused(Call call, String app, Throwable cause) {
        LOG.log(Level.WARNING, "SWB1002: application '" + LogText.of(app) + "' did not take call " + LogText.of(call)
                + "; offering it to the next application by priority", cause);
    }

    static void deliveryFailed(Call call, String app, Object event, Throwable cause) {
        LOG.log(Level.ERROR, "SWB1003: delivering " + LogText.of(event) + " for call " + LogText.of(call)
                + " to application '" + LogText.of(app) + "' failed; the event is dropped for that application only",
                cause);
    }

    static void unknownProviderCall(String provider, String providerCallId, String what) {
        LOG.log(Level.WARNING, "SWB1004: line provider {0} reported {1} for call {2}, which is not (or no"
                + " longer) known; ignored", LogText.of(provider), what, LogText.of(providerCallId));
    }

    static void decisionChangedAtCommit(String where, String app, String operation, Object decided, Object now) {
        LOG.log(Level.ERROR, "SWB1005: {2}{0} by application ''{1}'' was decided as {3} but at commit"
                + " gives {4}; the call changed between prepare and commit; applied as it now stands",
                operation, LogText.of(app), where, LogText.of(decided), LogText.of(now));
    }

    static void deliveryLoopFailure(Throwable e) {
        LOG.log(Level.ERROR, "SWB1006: an event delivery failed outside its own error handling", e);
    }

    static void providerActionFailed(Call call, String action, Throwable e) {
        LOG.log(Level.ERROR, "SWB1007: line provider " + LogText.of(call.provider.name()) + " failed to " + action
                + " call " + LogText.of(call), e);
    }

    static void noTimer(Call call, MediaOp op, java.time.Duration delay, Throwable e) {
        LOG.log(Level.WARNING, "SWB1009: no timer took the " + delay.toMillis() + " ms timeout of " + op
                + " on call " + call + " of application '" + op.starter.app.name
                + "'; it ends only by digits, a stop or the call's end", e);
    }

    static void bridgeFailed(Bridge bridge, String provider, String reason) {
        LOG.log(Level.WARNING, "SWB1010: line provider {0} reports {1} of application ''{2}'' broken: {3};"
                + " both calls stay up", provider, bridge, bridge.a.app.name, reason);
    }

    static void callOwnerLeft(Call call, String app) {
        LOG.log(Level.INFO, "SWB1008: application ''{0}'' closed while owning call {1}; offering the call"
                + " to the next application by priority", LogText.of(app), LogText.of(call));
    }

    static void operatorListenerFailed(Object listener, Object event, Throwable e) {
        LOG.log(Level.ERROR, "SWB1020: operator listener " + listener + " failed on " + event
                + "; it gets the next event, no call is affected", e);
    }

    static void operatorListenerBehind(Object listener, int capacity) {
        LOG.log(Level.WARNING, "SWB1021: operator listener {0} has {1} events waiting; newer events are dropped"
                + " for it until it catches up (calls are not affected)", listener, capacity);
    }

    static void operatorListenerCaughtUp(Object listener, long missed) {
        LOG.log(Level.WARNING, "SWB1022: operator listener {0} caught up after missing {1} events", listener, missed);
    }

    static void operatorDrainRefused(Object listener, Throwable e) {
        LOG.log(Level.WARNING, "SWB1023: the executor refused to deliver operator events to " + listener
                + "; they stay queued for the next attempt", e);
    }

    static void deliveryRefused(String call, int attempt, Duration retryIn, RuntimeException cause) {
        String next = retryIn == null
                ? "no retry can be scheduled (the switchboard is stopping); they go out with the call's next event or an"
                        + " operator's drop"
                : "they stay queued, in order, and are tried again in " + retryIn.toMillis() + " ms until it takes them";
        Level level = retryIn == null ? Level.ERROR : attempt == 1 ? Level.WARNING : Level.DEBUG;
        LOG.log(level, "SWB1040: the delivery executor refused the events of call {0} ({1}, attempt {2}); {3}",
                LogText.of(call), LogText.of(cause.getMessage()), String.valueOf(attempt), next);
    }

    static void operatorEndedInCore(Call call, String why) {
        LOG.log(Level.WARNING, "SWB1041: operator''s drop of call {0}: {1}; the call is ended in the switchboard"
                + " (DISCONNECTED and IDLE to every holder, R24) and removed from the live calls", call, why);
    }

    static void directoryWriteFailed(int puts, int removes, Throwable e) {
        LOG.log(Level.WARNING, "SWB1050: the cluster''s call directory refused {0} entries and {1} removals; they"
                + " are written again with the calls'' next change (other nodes'' consoles are behind until then): {2}",
                String.valueOf(puts), String.valueOf(removes), LogText.of(String.valueOf(e)));
    }

    static void nodesLeft(String local, Object gone, int calls) {
        LOG.log(Level.INFO, "SWB1051: node {0} cleans up after {1}, no longer in the cluster: {2} of their calls"
                + " to end", LogText.of(local), LogText.of(gone), String.valueOf(calls));
    }

    static void orphanEnded(Object entry, String provider, boolean ended, Throwable e) {
        Level level = ended ? Level.INFO : Level.WARNING;
        LOG.log(level, "SWB1052: call {0} of a node that left {1} by line provider {2}{3}; its directory entry is"
                + " removed", LogText.of(entry), ended ? "was ended" : "could NOT be ended", LogText.of(provider),
                e == null ? "" : " (" + LogText.of(String.valueOf(e)) + ")");
    }

    static void remoteCommandFailed(Object command, Throwable e) {
        LOG.log(Level.WARNING, "SWB1053: an operator''s command from another node failed here: {0}: {1}",
                LogText.of(command), LogText.of(String.valueOf(e)));
    }

    static void cleanupFailed(String local, Throwable e) {
        LOG.log(Level.WARNING, "SWB1054: node {0} could not look for calls of nodes that left; it looks again at"
                + " the next membership change: {1}", LogText.of(local), LogText.of(String.valueOf(e)));
    }
}
