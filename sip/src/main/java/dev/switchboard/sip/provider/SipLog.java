package dev.switchboard.sip.provider;

import dev.switchboard.core.log.LogLimiter;
import dev.switchboard.core.log.LogText;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Every operator-facing message of the SIP line provider, each with a stable id (SWB3xxx).
 *
 * <p>Whatever came from the network (Call-IDs, methods, start lines, reasons quoting a header) is
 * escaped with {@link LogText}: control characters show as {@code \xNN} and long values are cut,
 * so a datagram can neither forge log lines nor drive the operator's terminal. Bad input is
 * logged at WARNING without a stack trace (the trace would only point at the parser), and
 * {@link #badInput} keeps a flood of it from flooding the log: per message id, the first
 * {@value #BURST} in a minute, then a count.
 */
final class SipLog {
    private static final Logger LOG = System.getLogger("dev.switchboard.sip");
    static final int BURST = 10;
    static final Duration WINDOW = Duration.ofSeconds(60);
    /** Shared by every provider in the JVM: the log is shared too. Tests put in a fresh one. */
    private static volatile LogLimiter badInput = new LogLimiter(BURST, WINDOW);
    /** jain-sip's parse errors sometimes print a char[] or byte[] ("[C@2e062b95"): noise, not input. */
    private static final Pattern ARRAY_ID = Pattern.compile("\\[[BC]@[0-9a-f]+\\s*");

    private SipLog() {
    }

    /** Replaces the bad-input limiter (tests: a fresh budget, a clock they move). */
    static void limitBadInputWith(LogLimiter limiter) {
        badInput = limiter;
    }

    static void started(String address, int port, String transport, Object lines, Object defaultLine) {
        LOG.log(Level.INFO, "SWB3000: SIP line provider listening on {0}:{1} ({2}); lines {3}, default line {4}",
                address, String.valueOf(port), transport, lines, defaultLine == null ? "(none: 404)" : defaultLine);
    }

    static void stopped() {
        LOG.log(Level.INFO, "SWB3009: SIP line provider stopped");
    }

    static void malformedMessage(String reason, String firstLine) {
        badInput.log(LOG, Level.WARNING, "SWB3001", () -> "SWB3001: malformed SIP message dropped or answered 400: "
                + LogText.of(ARRAY_ID.matcher(reason).replaceAll("")) + "; first line '" + LogText.of(firstLine) + "'");
    }

    static void rejected(String callId, String method, int status, String reason) {
        badInput.log(LOG, Level.WARNING, "SWB3002", () -> "SWB3002: " + LogText.of(method) + " of call "
                + LogText.of(callId) + " rejected with " + status + ": " + LogText.of(reason, 400));
    }

    static void overLimit(String callId, String limit) {
        badInput.log(LOG, Level.WARNING, "SWB3003", () -> "SWB3003: call " + LogText.of(callId)
                + " refused with 503: " + LogText.of(limit));
    }

    static void overloaded(String callId, String why) {
        badInput.log(LOG, Level.WARNING, "SWB3016", () -> "SWB3016: call " + LogText.of(callId)
                + " refused with 503 and Retry-After: " + why + "; calls already up go on");
    }

    static void handlerFailed(Throwable e) {
        LOG.log(Level.ERROR, "SWB3004: a SIP call handler failed; the call's later messages still run", e);
    }

    static void sendFailed(String callId, String what, Throwable e) {
        badInput.log(LOG, Level.WARNING, "SWB3005", () -> "SWB3005: call " + LogText.of(callId) + ": could not send "
                + LogText.of(what) + ": " + LogText.of(e));
    }

    static void reinviteTimedOut(String callId, long millis) {
        LOG.log(Level.INFO, "SWB3006: call {0}: no owner set media mode G3FAX within {1} ms; T.38 re-INVITE"
                + " answered 488", LogText.of(callId), String.valueOf(millis));
    }

    static void mediaUnreachable(String callId, String reason) {
        badInput.log(LOG, Level.WARNING, "SWB3013", () -> "SWB3013: call " + LogText.of(callId)
                + ": the SDP's media address does not resolve (" + LogText.of(reason) + "); no RTP is sent to it");
    }

    static void coreRefused(String callId, Throwable e) {
        LOG.log(Level.ERROR, "SWB3008: call " + LogText.of(callId) + " could not be reported to the switchboard;"
                + " answered 500", e);
    }

    static void refused(String callId, String what, String consequence, Throwable e) {
        LOG.log(Level.WARNING, "SWB3011: call {0}: the threads the adapter gives the provider refused {1} ({2}); {3}",
                LogText.of(callId), what, LogText.of(e.getMessage()), consequence);
    }

    static void handlerRefused(String callId, int attempt, java.time.Duration retryIn, Throwable e) {
        String next = retryIn == null ? "no retry can be scheduled (the provider is stopping)"
                : "the call''s handlers wait, in order, and are tried again in " + retryIn.toMillis() + " ms";
        LOG.log(attempt == 1 || retryIn == null ? Level.WARNING : Level.DEBUG, "SWB3050: call {0}: the threads the"
                + " adapter gives the provider refused a handler ({1}, attempt {2}); {3}", LogText.of(callId),
                LogText.of(e.getMessage()), String.valueOf(attempt), next);
    }

    static void sessionExpired(String callId, int seconds, boolean weRefresh) {
        LOG.log(Level.WARNING, "SWB3051: call {0}: the session was not refreshed within its interval of {1} s ({2});"
                + " the caller is taken as gone: BYE sent, the call ends", callId, String.valueOf(seconds),
                weRefresh ? "this side's refreshes were not answered" : "the caller is the refresher and sent none");
    }

    static void refreshFailed(String callId, String method, String outcome) {
        LOG.log(Level.WARNING, "SWB3052: call {0}: the session refresh ({1}) failed: {2}; BYE sent, the call ends",
                callId, method, outcome);
    }

    static void rtpTimedOut(String callId, int seconds) {
        LOG.log(Level.WARNING, "SWB3053: call {0}: no RTP received for {1} s (sipRtpTimeoutSeconds) on an answered"
                + " audio call that is not on hold; BYE sent, the call ends", callId, String.valueOf(seconds));
    }

    static void maxLengthReached(String callId, int seconds, boolean ringing) {
        LOG.log(Level.WARNING, "SWB3054: call {0} reached sipMaxCallSeconds ({1} s); {2}, the call ends", callId,
                String.valueOf(seconds), ringing ? "its INVITE is answered 480" : "BYE sent");
    }

    static void stopWaitedInVain(int calls) {
        LOG.log(Level.WARNING, "SWB3012: SIP line provider stopping: {0} calls did not end in time; their media"
                + " sockets are closed and the stack stops without their BYEs", String.valueOf(calls));
    }

    static void mediaFailed(String callId, String what, String why) {
        LOG.log(Level.WARNING, "SWB3015: call {0}: {1} failed: {2}", LogText.of(callId), what, LogText.of(why, 400));
    }

    static void engineStopWaitedInVain(long millis) {
        LOG.log(Level.WARNING, "SWB3014: SIP line provider stopping: the RTP media engine''s threads did not come back"
                + " within {0} ms; they end once their current wait is over", String.valueOf(millis));
    }

    // ---- call control (SWB3020-SWB3039: make call, redirect, blind transfer) ----

    static void outboundFailed(String callId, String destination, Object reason, String detail) {
        LOG.log(Level.INFO, "SWB3020: outbound call {0} to {1} ended before answer: {2} ({3})",
                callId, destination, reason, detail);
    }

    static void controlResult(String callId, String what, Object result, String detail) {
        LOG.log(Level.INFO, "SWB3021: call {0}: {1} {2} ({3})", callId, what, result, detail);
    }

    static void challengeRefused(String callId, String realm, String why) {
        LOG.log(Level.WARNING, "SWB3022: outbound call {0}: the challenge for realm ''{1}'' was not answered: {2}",
                callId, realm, why);
    }

    static void strayResponse(String callId, String what) {
        LOG.log(Level.DEBUG, "SWB3023: call {0} is over; its late response gets {1}", callId, what);
    }

    // ---- a dead node's calls (SWB3060-SWB3069) ----

    static void orphanByeSent(String callId, String line, String target, int routes, long cseq) {
        LOG.log(Level.INFO, "SWB3060: call {0} of a lost node (line {1}): BYE sent to {2} ({3} routes, CSeq {4})",
                LogText.of(callId), LogText.of(line), LogText.of(target), String.valueOf(routes), String.valueOf(cseq));
    }

    static void orphanByeOutcome(String callId, String line, String answer, String outcome, long millis,
                                 boolean ended) {
        LOG.log(ended ? Level.INFO : Level.WARNING, "SWB3061: call {0} of a lost node (line {1}): its BYE got {2}"
                + " after {3} ms: {4}", LogText.of(callId), LogText.of(line), LogText.of(answer),
                String.valueOf(millis), LogText.of(outcome, 400));
    }

    static void orphanRefused(String callId, String why) {
        LOG.log(Level.WARNING, "SWB3062: call {0} of a lost node cannot be ended from the facts its node reported: {1}",
                callId == null ? "(no Call-ID)" : LogText.of(callId), LogText.of(why, 400));
    }

    static void factsUnreported(String callId, String why) {
        LOG.log(Level.WARNING, "SWB3063: call {0}: its dialog''s facts cannot be reported ({1}); should this node"
                + " die, no other node can end the call", LogText.of(callId), LogText.of(why, 400));
    }

    static void stackError(String message) {
        badInput.log(LOG, Level.WARNING, "SWB3010", () -> "SWB3010: SIP stack: " + LogText.of(message));
    }

    static void stackDebug(String message) {
        LOG.log(Level.DEBUG, "SIP stack: {0}", LogText.of(message));
    }

    static void admissionRefused(String source, String what, String summary, String reason, String consequence,
                                 long intervalMillis) {
        LOG.log(Level.WARNING, "SWB3040: {0} from {1} refused and {2}: {3} ({4}); further refusals of this source"
                + " for this reason are counted for {5} ms", what, source, consequence, summary, reason,
                String.valueOf(intervalMillis));
    }

    static void admissionRefusedAgain(String source, long count, String summary, String consequence,
                                      long intervalMillis) {
        LOG.log(Level.WARNING, "SWB3041: {0} more requests from {1} refused and {2} in {3} ms: {4}",
                String.valueOf(count), source, consequence, String.valueOf(intervalMillis), summary);
    }

    static void admission(String peers, String rate, String auth, String refusals) {
        LOG.log(Level.INFO, "SWB3042: SIP admission: peers {0}; rate limit {1}; digest authentication {2};"
                + " refusals {3}", peers, rate, auth, refusals);
    }

    static void tlsListening(String address, int port, Object protocols, String clientAuth) {
        LOG.log(Level.INFO, "SWB3043: SIP over TLS listening on {0}:{1} ({2}; client certificates: {3})",
                address, String.valueOf(port), protocols, clientAuth);
    }

    static void admissionFailed(Throwable e) {
        LOG.log(Level.ERROR, "SWB3044: admission control failed on a request (a bug); the request is dropped", e);
    }

    static boolean debugEnabled() {
        return LOG.isLoggable(Level.DEBUG);
    }
}
