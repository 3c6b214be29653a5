package dev.switchboard.core.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a line provider's settings out of the adapter's configuration properties for the
 * provider's settings record, which owns the defaults: the record passes its default with each
 * read, so the value used when a property is unset is written in one place. A value (a default
 * too) may take a system property as {@code ${name:default}}, so that one archive can, say, listen
 * on another port on another server. Every error names the property and the value.
 */
public final class SettingsReader {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private final Map<String, String> settings;

    /** @param settings the properties by name, as {@link LineProviderFactory#create} gets them; unset ones absent */
    public SettingsReader(Map<String, String> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The value, trimmed; unset or blank gives {@code fallback}. */
    public String text(String name, String fallback) {
        String v = settings.get(name);
        return resolve(name, v == null || v.isBlank() ? fallback : v.trim());
    }

    /** Like {@link #text}, but a value set blank on purpose stays empty (for settings where empty means "none"). */
    public String textOrEmpty(String name, String fallback) {
        String v = settings.get(name);
        return v == null ? resolve(name, fallback) : resolve(name, v.trim());
    }

    /** A whole number from {@code min} to {@code max}. */
    public int wholeNumber(String name, String fallback, int min, int max) {
        String v = text(name, fallback);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException(name + " '" + v + "' must be a whole number from " + min + " to " + max);
    }

    /** A positive number of milliseconds. */
    public long positiveMillis(String name, String fallback) {
        String v = text(name, fallback);
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException(name + " '" + v + "' must be a positive number of milliseconds");
    }

    /** {@code true} or {@code false}, in any case. */
    public boolean flag(String name, String fallback) {
        String v = text(name, fallback).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " '" + v + "' must be true or false");
        };
    }

    /**
     * Replaces {@code ${name:default}} by the system property {@code name}, else the default; a
     * property that is not set and has no default is an error naming the setting.
     */
    public static String resolve(String setting, String value) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = System.getProperty(m.group(1).trim(), m.group(2));
            if (v == null) {
                throw new IllegalArgumentException(setting + " '" + value + "' names system property '"
                        + m.group(1).trim() + "', which is not set and has no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
