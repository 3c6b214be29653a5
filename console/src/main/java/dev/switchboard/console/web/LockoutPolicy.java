package dev.switchboard.console.web;

import java.util.function.UnaryOperator;

/**
 * What WildFly's realm does after failed logins, as the console reads it from the same system properties
 * the server reads (WildFly 39, Elytron 2.8: every security realm is wrapped in a brute-force guard).
 * After {@code maxFailedAttempts} failed logins in a row for an existing user, the realm refuses that user
 * for {@code lockoutMinutes}, even with the right password; a failed attempt while refused starts the
 * lockout again; a successful login clears the count; the count is forgotten {@code sessionMinutes}
 * after the last failure. Unknown users are not counted. Properties, for realm {@code R}:
 * {@code wildfly.elytron.realm.R.brute-force.enabled} (default true), {@code ...max-failed-attempts}
 * (10), {@code ...lockout-interval} (minutes, 15), {@code ...session-timeout} (minutes, 30); a missing,
 * unreadable or non-positive number means the default. The server reads them when the realm starts, so
 * a change needs a restart (docs/operator-console.md).
 *
 * <p>The console does not enforce this: it only says it in the log, so that an administrator who finds an
 * operator locked out knows why and for how long.
 */
public record LockoutPolicy(String realm, boolean enabled, int maxFailedAttempts, int lockoutMinutes,
                            int sessionMinutes) {
    /** The realm behind the console's security domain ({@code other} → ApplicationDomain → ApplicationRealm). */
    public static final String REALM = "ApplicationRealm";
    static final int DEFAULT_MAX_FAILED_ATTEMPTS = 10;
    static final int DEFAULT_LOCKOUT_MINUTES = 15;
    static final int DEFAULT_SESSION_MINUTES = 30;

    /** The policy of {@code realm} as the server's system properties ({@code properties}) set it. */
    public static LockoutPolicy of(String realm, UnaryOperator<String> properties) {
        String prefix = "wildfly.elytron.realm." + realm + ".brute-force.";
        String enabled = properties.apply(prefix + "enabled");
        return new LockoutPolicy(realm, enabled == null || Boolean.parseBoolean(enabled.trim()),
                positive(properties.apply(prefix + "max-failed-attempts"), DEFAULT_MAX_FAILED_ATTEMPTS),
                positive(properties.apply(prefix + "lockout-interval"), DEFAULT_LOCKOUT_MINUTES),
                positive(properties.apply(prefix + "session-timeout"), DEFAULT_SESSION_MINUTES));
    }

    /** The running server's policy for the console's realm. */
    public static LockoutPolicy current() {
        return of(REALM, System::getProperty);
    }

    /** One line for the log. */
    public String describe() {
        if (!enabled) {
            return "the server's " + realm + " does not lock accounts (wildfly.elytron.realm." + realm
                    + ".brute-force.enabled=false)";
        }
        return "the server's " + realm + " locks an account for " + lockoutMinutes + " min after "
                + maxFailedAttempts + " failed logins in a row (wildfly.elytron.realm." + realm + ".brute-force.*)";
    }

    private static int positive(String value, int otherwise) {
        try {
            int n = value == null ? otherwise : Integer.parseInt(value.trim());
            return n > 0 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
