package dev.switchboard.sip.provider;

import gov.nist.javax.sip.header.extensions.MinSE;
import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import javax.sip.header.AllowHeader;
import javax.sip.header.Header;
import javax.sip.header.OptionTag;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * RFC 4028 session timers, decided for a dialog in which the provider is the UAS of the INVITE:
 * what interval to accept, who refreshes, what the 2xx says. Decisions only; {@link CallTimers}
 * does the waiting and {@link SipCall} the refreshing.
 *
 * <ul>
 *   <li>A request asking for less than {@code sipMinSessionExpiresSeconds} gets {@code 422} with
 *       {@code Min-SE} (section 9).</li>
 *   <li>The interval is the caller's, lowered to ours but never under the caller's Min-SE, never
 *       raised; when the caller asks for none, ours (if set), at least the caller's Min-SE.</li>
 *   <li>Who refreshes: the caller's {@code refresher} parameter when it supports timers; when it
 *       supports them but leaves the choice to us, the caller (its refreshes cost us nothing and
 *       prove it is there); when it does not support them, this side, with no {@code Require}.</li>
 * </ul>
 */
final class SessionTimer {
    static final String SESSION_EXPIRES = "Session-Expires";
    static final String MIN_SE = "Min-SE";
    private static final String UAC = "uac";
    private static final String UAS = "uas";

    private SessionTimer() {
    }

    /**
     * What is agreed for the dialog.
     *
     * @param seconds           the session interval
     * @param weRefresh         whether this side sends the refreshes
     * @param peerSupportsTimer whether the peer said it supports RFC 4028 (then the 2xx requires it)
     */
    record Agreement(int seconds, boolean weRefresh, boolean peerSupportsTimer) {

        /** When this side refreshes: half the interval (section 10). */
        Duration refreshDue() {
            return Duration.ofMillis(seconds * 500L);
        }

        /**
         * When the session counts as expired without a refresh: the interval less the smaller of
         * 32 s and a third of it, the margin section 10 recommends before sending a BYE.
         */
        Duration expiry() {
            long millis = seconds * 1000L;
            return Duration.ofMillis(millis - Math.min(32_000L, millis / 3));
        }
    }

    /** Refuses a request whose Session-Expires is below our Min-SE: {@code 422} naming the minimum (section 9). */
    static void checkInterval(Request request, CallLimits limits) throws SipRejection {
        Integer asked = sessionExpires(request);
        if (asked != null && asked < limits.minSessionExpiresSeconds()) {
            throw new SipRejection(422, SESSION_EXPIRES + " " + asked + " s is below " + CallLimits.MIN_SESSION_EXPIRES
                    + " " + limits.minSessionExpiresSeconds(), new String[] {MIN_SE,
                    String.valueOf(limits.minSessionExpiresSeconds())});
        }
    }

    /**
     * The agreement for a request this side answers with a 2xx (INVITE, re-INVITE, UPDATE), or
     * null when no session timer runs (the caller asks for none and {@code sipSessionExpiresSeconds}
     * is 0). Call {@link #checkInterval} first.
     */
    static Agreement answer(Request request, CallLimits limits) {
        boolean supports = namesTag(request, "Supported", SipExtensions.TIMER)
                || namesTag(request, "Require", SipExtensions.TIMER);
        Integer asked = sessionExpires(request);
        int callerMin = minSe(request);
        int ours = limits.sessionExpiresSeconds();
        int seconds;
        if (asked != null) {
            seconds = asked;
            if (ours > 0 && ours < asked) {
                seconds = Math.min(asked, Math.max(ours, Math.max(callerMin, limits.minSessionExpiresSeconds())));
            }
        } else if (ours > 0) {
            seconds = Math.max(ours, callerMin);
        } else {
            return null;
        }
        String refresher = asked == null ? null : refresher(request);
        boolean weRefresh = !supports || UAS.equalsIgnoreCase(refresher);
        return new Agreement(seconds, weRefresh, supports);
    }

    /** The headers of the 2xx that settles {@code agreed} (null: only that timers are supported). */
    static List<String[]> responseHeaders(Agreement agreed) {
        List<String[]> headers = new ArrayList<>(3);
        headers.add(new String[] {"Supported", SipExtensions.TIMER});
        if (agreed != null) {
            headers.add(new String[] {SESSION_EXPIRES, agreed.seconds() + ";refresher=" + (agreed.weRefresh() ? UAS : UAC)});
            if (agreed.peerSupportsTimer()) {
                // required when the caller refreshes, recommended when we do and it supports timers
                headers.add(new String[] {"Require", SipExtensions.TIMER});
            }
        }
        return headers;
    }

    /** The headers of a refresh this side sends: in that transaction this side is the UAC. */
    static List<String[]> refreshHeaders(Agreement agreed, CallLimits limits) {
        return List.of(new String[] {SESSION_EXPIRES, agreed.seconds() + ";refresher=" + UAC},
                new String[] {MIN_SE, String.valueOf(Math.min(agreed.seconds(), limits.minSessionExpiresSeconds()))},
                new String[] {"Supported", SipExtensions.TIMER});
    }

    /**
     * The agreement after a 2xx to this side's refresh: what the response says, or, when it says
     * nothing (the peer does not do timers), this side goes on refreshing at the same interval.
     */
    static Agreement afterRefresh(Response response, Agreement sent) {
        Integer seconds = sessionExpires(response);
        if (seconds == null || seconds <= 0) {
            return new Agreement(sent.seconds(), true, sent.peerSupportsTimer());
        }
        String refresher = refresher(response);
        return new Agreement(seconds, refresher == null || UAC.equalsIgnoreCase(refresher), true);
    }

    /** The Min-SE of a 422, or 0. */
    static int minSe(Message message) {
        Header h = message.getHeader(MIN_SE);
        if (h instanceof MinSE m) {
            return m.getExpires();
        }
        return h == null ? 0 : leadingNumber(valueOf(h));
    }

    /** Whether the peer's request or response lists UPDATE in Allow, so that a refresh may be an UPDATE. */
    static boolean allowsUpdate(Message message) {
        ListIterator<?> it = message.getHeaders(AllowHeader.NAME);
        while (it != null && it.hasNext()) {
            Object h = it.next();
            String v = h instanceof AllowHeader a ? a.getMethod() : valueOf((Header) h);
            if (v == null) {
                continue; // an empty Allow names no method
            }
            for (String m : v.split(",")) {
                if (m.trim().equalsIgnoreCase(Request.UPDATE)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesTag(Message message, String header, String tag) {
        ListIterator<?> it = message.getHeaders(header);
        while (it != null && it.hasNext()) {
            Object h = it.next();
            String v = h instanceof OptionTag t ? t.getOptionTag() : valueOf((Header) h);
            if (v == null) {
                continue; // an empty Supported (baresip sends one) names no option tag
            }
            for (String part : v.split(",")) {
                if (part.trim().equalsIgnoreCase(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Integer sessionExpires(Message message) {
        Header h = message.getHeader(SESSION_EXPIRES);
        if (h instanceof SessionExpiresHeader se) {
            return se.getExpires();
        }
        return h == null ? null : leadingNumber(valueOf(h));
    }

    private static String refresher(Message message) {
        Header h = message.getHeader(SESSION_EXPIRES);
        if (h instanceof SessionExpiresHeader se) {
            return se.getRefresher();
        }
        if (h == null) {
            return null;
        }
        for (String p : valueOf(h).split(";")) {
            String param = p.trim().toLowerCase(Locale.ROOT);
            if (param.startsWith("refresher=")) {
                return param.substring("refresher=".length()).trim();
            }
        }
        return null;
    }

    /** The value of a header the stack kept as text: what follows the colon. */
    private static String valueOf(Header h) {
        String text = h.toString();
        int colon = text.indexOf(':');
        return (colon < 0 ? text : text.substring(colon + 1)).trim();
    }

    private static int leadingNumber(String value) {
        int end = 0;
        while (end < value.length() && end < 9 && Character.isDigit(value.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(value.substring(0, end));
    }
}
