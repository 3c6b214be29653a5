package dev.switchboard.core.log;

/**
 * Makes text that came from outside (the network, a configuration file, an application) safe to
 * put in a log line or an error message. A log line is read in terminals and parsed by tools:
 * a raw ESC can clear an operator's screen or fake colours, a CR or LF can forge a log entry,
 * a NUL cuts lines short in some viewers, and a 60 KB header buries everything around it.
 *
 * <p>So: control characters (C0, DEL, C1) become {@code \xNN}; invisible formatting and
 * separator characters (bidi overrides, U+2028, lone surrogates) become {@code \}{@code uNNNN};
 * the backslash itself becomes {@code \\}, so that an escape in the output always means one in
 * the input; and anything beyond {@value #MAX_CHARS} characters is cut, with the count of what
 * was cut. Printable text, non-ASCII letters included, stays as it was.
 */
public final class LogText {
    /** How many characters of one value a log line shows. */
    public static final int MAX_CHARS = 200;

    private LogText() {
    }

    /** {@code value} escaped and cut to {@value #MAX_CHARS} characters; "null" for null. */
    public static String of(Object value) {
        return of(value, MAX_CHARS);
    }

    /** {@code value} escaped and cut to {@code maxChars} characters (code points). */
    public static String of(Object value, int maxChars) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder sb = new StringBuilder(Math.min(s.length(), maxChars) + 16);
        int shown = 0;
        for (int i = 0; i < s.length(); shown++) {
            if (shown == maxChars) {
                sb.append("...(").append(s.length() - i).append(" more chars)");
                break;
            }
            int cp = s.codePointAt(i);
            if (cp == '\\') {
                sb.append("\\\\");
            } else if (cp < 0x20 || cp >= 0x7F && cp <= 0x9F) {
                sb.append(String.format("\\x%02X", cp));
            } else if (isInvisible(cp)) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** Formatting (bidi controls, zero-width), line and paragraph separators, lone surrogates. */
    private static boolean isInvisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                 Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
