package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.SettingsReader;

/**
 * How long a SIP call may last without proof that its caller is still there, part of
 * {@link SipSettings}: the RFC 4028 session timer, the RTP inactivity timeout and the maximum call
 * length. Each one ends a call whose caller has gone (killed, unplugged, or a scanner that ACKs and
 * walks away) with a BYE, and the applications hear DISCONNECTED and IDLE (R24). It owns the
 * defaults of its properties; a test in the rar module ties them to the adapter's displayed ones.
 *
 * @param sessionExpiresSeconds    the session interval the provider asks for (RFC 4028
 *                                 Session-Expires) and the longest it accepts; 0 = ask for none
 *                                 (a caller's own request is still honoured)
 * @param minSessionExpiresSeconds the shortest interval accepted (Min-SE); a shorter request gets
 *                                 {@code 422 Session Interval Too Small}
 * @param rtpTimeoutSeconds        an answered audio call that is not on hold and receives no RTP
 *                                 for this long is ended; 0 = never
 * @param maxCallSeconds           a call is ended this long after its INVITE arrived, answered or
 *                                 not; 0 = never
 */
public record CallLimits(int sessionExpiresSeconds, int minSessionExpiresSeconds, int rtpTimeoutSeconds,
                         int maxCallSeconds) {

    public static final String SESSION_EXPIRES = "sipSessionExpiresSeconds";
    public static final String MIN_SESSION_EXPIRES = "sipMinSessionExpiresSeconds";
    public static final String RTP_TIMEOUT = "sipRtpTimeoutSeconds";
    public static final String MAX_CALL = "sipMaxCallSeconds";

    /** RFC 4028's recommendation: refreshes every 15 minutes. */
    public static final String DEFAULT_SESSION_EXPIRES = "1800";
    /** RFC 4028's lowest Min-SE; lower values are for tests, peers may refuse them. */
    public static final String DEFAULT_MIN_SESSION_EXPIRES = "90";
    public static final String DEFAULT_RTP_TIMEOUT = "60";
    /** Four hours: far beyond a fax or a voice call, short enough that a leak cannot last. */
    public static final String DEFAULT_MAX_CALL = "14400";

    private static final int DAY = 86_400;

    public CallLimits {
        if (minSessionExpiresSeconds < 1) {
            throw new IllegalArgumentException(MIN_SESSION_EXPIRES + " '" + minSessionExpiresSeconds
                    + "' must be at least 1");
        }
        if (sessionExpiresSeconds != 0 && sessionExpiresSeconds < minSessionExpiresSeconds) {
            throw new IllegalArgumentException(SESSION_EXPIRES + " '" + sessionExpiresSeconds + "' must be 0 or at least "
                    + MIN_SESSION_EXPIRES + " " + minSessionExpiresSeconds);
        }
        if (rtpTimeoutSeconds < 0 || maxCallSeconds < 0) {
            throw new IllegalArgumentException(RTP_TIMEOUT + " and " + MAX_CALL + " must not be negative");
        }
    }

    /** Reads the four properties; unset ones take the defaults above. */
    static CallLimits from(SettingsReader read) {
        int minSe = read.wholeNumber(MIN_SESSION_EXPIRES, DEFAULT_MIN_SESSION_EXPIRES, 1, DAY);
        int se = read.wholeNumber(SESSION_EXPIRES, DEFAULT_SESSION_EXPIRES, 0, DAY);
        int rtp = read.wholeNumber(RTP_TIMEOUT, DEFAULT_RTP_TIMEOUT, 0, DAY);
        int max = read.wholeNumber(MAX_CALL, DEFAULT_MAX_CALL, 0, 7 * DAY);
        return new CallLimits(se, minSe, rtp, max);
    }
}
