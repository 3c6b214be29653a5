package dev.switchboard.rar;

import java.util.regex.Pattern;

/**
 * The name an adapter goes by for operators: in its MXBean's name, in the metrics label
 * {@code adapter}, and in its own log lines. Fixed by configuration, not derived from the lines it
 * serves, so that dashboards and JMX clients keep finding it when the lines change.
 */
public final class InstanceName {
    /** What an adapter is called when {@code instanceName} is unset. */
    public static final String DEFAULT = "switchboard";
    /** Safe unquoted in an ObjectName, a Prometheus label value and a log line. */
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private InstanceName() {
    }

    /** The configured name, trimmed; unset or blank means {@link #DEFAULT}. */
    public static String parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT;
        }
        String name = configured.trim();
        if (!ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException("instanceName '" + configured + "' must be 1 to 64 letters, digits, '.',"
                    + " '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
