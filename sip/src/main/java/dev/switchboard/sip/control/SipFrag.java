package dev.switchboard.sip.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status line of a {@code message/sipfrag} body (RFC 3420), which is how the NOTIFYs of a
 * REFER tell the transferor how the transferred call is going (RFC 3515 section 2.4.5).
 *
 * @param status       the status code, 100 to 699
 * @param reasonPhrase the reason phrase, possibly empty
 */
public record SipFrag(int status, String reasonPhrase) {
    private static final Pattern STATUS_LINE = Pattern.compile("SIP/2\\.0 ([1-6]\\d\\d)(?: (.*))?");

    /** Reads the first line of {@code body}; anything that is not a SIP/2.0 status line is refused. */
    public static SipFrag parse(String body) {
        if (body == null) {
            throw new IllegalArgumentException("the sipfrag body is missing");
        }
        String first = body.strip().lines().findFirst().orElse("").strip();
        Matcher m = STATUS_LINE.matcher(first);
        if (!m.matches()) {
            String shown = first.length() > 80 ? first.substring(0, 80) + "..." : first;
            throw new IllegalArgumentException("the sipfrag body does not start with a SIP/2.0 status line: '"
                    + shown + "'");
        }
        return new SipFrag(Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2).strip());
    }

    public boolean isProvisional() {
        return status < 200;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** As on the wire, such as {@code 486 Busy Here}. */
    @Override
    public String toString() {
        return reasonPhrase.isEmpty() ? String.valueOf(status) : status + " " + reasonPhrase;
    }
}
