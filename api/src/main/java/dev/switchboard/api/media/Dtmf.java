package dev.switchboard.api.media;

/** The sixteen DTMF digits, and the check every request that names digits goes through. */
public final class Dtmf {
    /** Every DTMF digit, in keypad order. */
    public static final String DIGITS = "0123456789*#ABCD";

    private Dtmf() {
    }

    /** Whether {@code c} is one of {@link #DIGITS}. */
    public static boolean isDigit(char c) {
        return DIGITS.indexOf(c) >= 0;
    }

    /**
     * Returns {@code digits} when every character is a DTMF digit, else throws naming
     * {@code what} and the first bad character. Empty is allowed only when {@code emptyAllowed}.
     */
    public static String requireDigits(String what, String digits, boolean emptyAllowed) {
        if (digits == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (digits.isEmpty() && !emptyAllowed) {
            throw new IllegalArgumentException(what + " must name at least one DTMF digit (" + DIGITS + ")");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!isDigit(c)) {
                throw new IllegalArgumentException(what + " '" + digits + "': '" + c + "' at position " + (i + 1)
                        + " is not a DTMF digit (" + DIGITS + ")");
            }
        }
        return digits;
    }

    /** Like {@link #requireDigits}, and no digit may appear twice (a set of terminators). */
    static String requireDigitSet(String what, String digits) {
        requireDigits(what, digits, true);
        for (int i = 0; i < digits.length(); i++) {
            if (digits.indexOf(digits.charAt(i), i + 1) >= 0) {
                throw new IllegalArgumentException(what + " '" + digits + "' names '" + digits.charAt(i) + "' twice");
            }
        }
        return digits;
    }
}
