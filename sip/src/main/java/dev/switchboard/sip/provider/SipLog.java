package dev.switchboard.sip.provider;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Every operator-facing message of the SIP line provider, each with a stable id (SWB3xxx). Bad
 * input from the network is logged once per message, at WARNING, without a stack trace: the
 * trace would only point at the parser, and a flood of bad packets must not flood the log.
 */
final class SipLog {
    private static final Logger LOG = System.getLogger("dev.switchboard.sip");

    private SipLog() {
    }

    static void started(String address, int port, String transport, Object lines, Object defaultLine) {
        LOG.log(Level.INFO, "SWB3000: SIP line provider listening on {0}:{1} ({2}); lines {3}, default line {4}",
                address, String.valueOf(port), transport, lines, defaultLine == null ? "(none: 404)" : defaultLine);
    }

    static void stopped() {
        LOG.log(Level.INFO, "SWB3009: SIP line provider stopped");
    }

    static void malformedMessage(String reason, String firstLine) {
        LOG.log(Level.WARNING, "SWB3001: malformed SIP message dropped or answered 400: {0}; first line ''{1}''",
                reason, firstLine);
    }

    static void rejected(String callId, String method, int status, String reason) {
        LOG.log(Level.WARNING, "SWB3002: {0} of call {1} rejected with {2}: {3}",
                method, callId, String.valueOf(status), reason);
    }

    static void overLimit(String callId, String limit) {
        LOG.log(Level.WARNING, "SWB3003: call {0} refused with 503: {1}", callId, limit);
    }

    static void handlerFailed(Throwable e) {
        LOG.log(Level.ERROR, "SWB3004: a SIP call handler failed; the call's later messages still run", e);
    }

    static void sendFailed(String callId, String what, Throwable e) {
        LOG.log(Level.WARNING, "SWB3005: call " + callId + ": could not send " + what + ": " + e);
    }

    static void reinviteTimedOut(String callId, long millis) {
        LOG.log(Level.INFO, "SWB3006: call {0}: no owner set media mode G3FAX within {1} ms; T.38 re-INVITE"
                + " answered 488", callId, String.valueOf(millis));
    }

    static void badMedia(String callId, String reason) {
        LOG.log(Level.DEBUG, "SWB3007: call {0}: media packet dropped: {1}", callId, reason);
    }

    static void coreRefused(String callId, Throwable e) {
        LOG.log(Level.ERROR, "SWB3008: call " + callId + " could not be reported to the switchboard; answered 500", e);
    }

    static void refused(String callId, String what, String consequence, Throwable e) {
        LOG.log(Level.WARNING, "SWB3011: call {0}: the threads the adapter gives the provider refused {1} ({2}); {3}",
                callId, what, String.valueOf(e.getMessage()), consequence);
    }

    static void handlerRefused(String callId, int attempt, java.time.Duration retryIn, Throwable e) {
        if (retryIn == null) {
            LOG.log(Level.WARNING, "SWB3040: call {0}: the threads the adapter gives the provider refused a handler ({1})"
                    + " and no retry can be scheduled (the provider is stopping)", callId, String.valueOf(e.getMessage()));
        } else {
            LOG.log(attempt == 1 ? Level.WARNING : Level.DEBUG, "SWB3040: call {0}: the threads the adapter gives the"
                    + " provider refused a handler ({1}, attempt {2}); the call''s handlers wait, in order, and are tried"
                    + " again in {3} ms", callId, String.valueOf(e.getMessage()), String.valueOf(attempt),
                    String.valueOf(retryIn.toMillis()));
        }
    }

    static void sessionExpired(String callId, int seconds, boolean weRefresh) {
        LOG.log(Level.WARNING, "SWB3041: call {0}: the session was not refreshed within its interval of {1} s ({2});"
                + " the caller is taken as gone: BYE sent, the call ends", callId, String.valueOf(seconds),
                weRefresh ? "this side's refreshes were not answered" : "the caller is the refresher and sent none");
    }

    static void refreshFailed(String callId, String method, String outcome) {
        LOG.log(Level.WARNING, "SWB3042: call {0}: the session refresh ({1}) failed: {2}; BYE sent, the call ends",
                callId, method, outcome);
    }

    static void rtpTimedOut(String callId, int seconds) {
        LOG.log(Level.WARNING, "SWB3043: call {0}: no RTP received for {1} s (sipRtpTimeoutSeconds) on an answered"
                + " audio call that is not on hold; BYE sent, the call ends", callId, String.valueOf(seconds));
    }

    static void maxLengthReached(String callId, int seconds, boolean ringing) {
        LOG.log(Level.WARNING, "SWB3044: call {0} reached sipMaxCallSeconds ({1} s); {2}, the call ends", callId,
                String.valueOf(seconds), ringing ? "its INVITE is answered 480" : "BYE sent");
    }

    static void stopWaitedInVain(int calls) {
        LOG.log(Level.WARNING, "SWB3012: SIP line provider stopping: {0} calls did not end in time; their media"
                + " sockets are closed and the stack stops without their BYEs", String.valueOf(calls));
    }

    static void stackError(String message) {
        LOG.log(Level.WARNING, "SWB3010: SIP stack: {0}", message);
    }

    static void stackDebug(String message) {
        LOG.log(Level.DEBUG, "SIP stack: {0}", message);
    }

    static boolean debugEnabled() {
        return LOG.isLoggable(Level.DEBUG);
    }
}
