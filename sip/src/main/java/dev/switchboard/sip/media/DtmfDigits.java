package dev.switchboard.sip.media;

/** The DTMF digits and their RFC 4733 event codes: 0-9 are the digits, then * # A B C D as 10-15. */
public final class DtmfDigits {

    private static final String DIGITS = "0123456789*#ABCD";

    private DtmfDigits() {
    }

    /** Whether {@code event} is one of the 16 DTMF events. */
    public static boolean isDtmfEvent(int event) {
        return event >= 0 && event < DIGITS.length();
    }

    /** The digit of a DTMF event code. */
    public static char fromEvent(int event) {
        if (!isDtmfEvent(event)) {
            throw new IllegalArgumentException("event " + event + " is not a DTMF digit (0-15)");
        }
        return DIGITS.charAt(event);
    }

    /** The event code of a digit, upper- or lower-case for A-D; -1 when it is not a DTMF digit. */
    public static int toEvent(char digit) {
        return DIGITS.indexOf(Character.toUpperCase(digit));
    }
}
