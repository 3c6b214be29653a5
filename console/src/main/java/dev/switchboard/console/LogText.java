package dev.switchboard.console;

/**
 * Text from a request, made safe to put in a log line or an error message: quoted, control and other
 * invisible characters escaped ({@code \n}, {@code \u001B}), and cut to {@value #MAX_SHOWN}
 * characters. A user name or an Origin header is the client's to choose; it must not be able to start
 * a new log line or clear an administrator's terminal.
 */
public final class LogText {
    /** The most characters of a value shown; the rest is counted. */
    public static final int MAX_SHOWN = 80;

    private LogText() {
    }

    public static String quoted(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 2).append('\'');
        int shown = 0;
        for (int i = 0; i < text.length(); shown++) {
            int cp = text.codePointAt(i);
            if (shown == MAX_SHOWN) {
                return sb.append("'... (").append(text.length()).append(" chars)").toString();
            }
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                default -> {
                    if (invisible(cp)) {
                        sb.append(String.format("\\u%04X", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
            i += Character.charCount(cp);
        }
        return sb.append('\'').toString();
    }

    private static boolean invisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
