package dev.switchboard.console.api;

/** A line and the provider that serves it. */
public record LineJson(String name, String provider) {

    /** Reads the operator's {@code "line1 (sim)"}. */
    static LineJson parse(String text) {
        int open = text.lastIndexOf(" (");
        if (open > 0 && text.endsWith(")")) {
            return new LineJson(text.substring(0, open), text.substring(open + 2, text.length() - 1));
        }
        return new LineJson(text, null);
    }
}
