package dev.switchboard.core.priority;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;

/**
 * What an application name may be (R2, R3). Names go into the administrator's priority lists, and
 * those lists must read back after a restart exactly as they were written: a padded name would come
 * back trimmed (and so lose its place), a comma would split it in two, a line break would end its
 * line in the priority file and could start another mode's list. So such names are refused where
 * they enter the core, not repaired.
 *
 * <p>A valid name is 1 to {@value #MAX_LENGTH} characters, starts and ends with a visible character,
 * holds no control, formatting or line-separator character and none of {@code , ; =}, which separate
 * names and modes in the priority file and in the adapter's configuration.
 */
public final class ApplicationNames {
    /** The longest name accepted, in characters (code points). */
    public static final int MAX_LENGTH = 64;
    /** Separators of the priority file ({@code MODE=a,b}) and of the adapter's configuration ({@code ;}). */
    static final String SEPARATORS = ",;=";

    private ApplicationNames() {
    }

    /**
     * Returns {@code name} unchanged when it is a valid application name; otherwise throws
     * INVALAPPNAME with a message that shows the name escaped and says what is wrong with it.
     */
    public static String check(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new SwitchboardException(TapiError.INVALAPPNAME, "application name " + quoted(name) + " " + problem);
        }
        return name;
    }

    /** What is wrong with {@code name}, or null when it is a valid application name. */
    public static String problem(String name) {
        if (name == null) {
            return "is missing";
        }
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.isBlank()) {
            return "is blank";
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return "is " + length + " characters long; at most " + MAX_LENGTH + " are allowed";
        }
        if (Character.isWhitespace(name.codePointAt(0)) || Character.isSpaceChar(name.codePointAt(0))
                || Character.isWhitespace(name.codePointBefore(name.length()))
                || Character.isSpaceChar(name.codePointBefore(name.length()))) {
            return "starts or ends with white space, which the priority store would not keep";
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (SEPARATORS.indexOf(cp) >= 0) {
                return "contains '" + (char) cp + "', which separates names or modes in the priority lists";
            }
            if (isInvisible(cp)) {
                return "contains " + unicode(cp) + ", a control, formatting or line-separator character";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /**
     * {@code name} in quotes, safe to put in a message or a log line: control and other invisible
     * characters as {@code \n}, {@code \t} or {@code \}{@code uXXXX}, and no more than
     * {@value #MAX_LENGTH} characters of a longer name.
     */
    public static String quoted(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < name.length(); shown++) {
            if (shown == MAX_LENGTH) {
                sb.append("'... (").append(name.length()).append(" chars)");
                return sb.toString();
            }
            int cp = name.codePointAt(i);
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                default -> {
                    if (isInvisible(cp)) {
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

    /** Control (Cc), formatting (Cf), line and paragraph separators, and lone surrogates (not encodable). */
    private static boolean isInvisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    private static String unicode(int cp) {
        return String.format("U+%04X", cp);
    }
}
