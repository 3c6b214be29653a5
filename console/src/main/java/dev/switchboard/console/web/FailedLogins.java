package dev.switchboard.console.web;

import dev.switchboard.console.ConsoleLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed operator logins, for the log: each one is logged (SWB4010) at most once a minute per source
 * address, with a count of the others; and when a user's failures in a row reach the realm's lockout
 * threshold ({@link LockoutPolicy}) that is logged once (SWB4011), since from then on the realm refuses
 * the account even with the right password. The count in a row mirrors the realm's: a successful login
 * clears it, and it is forgotten after the realm's session time. At most {@value #MAX_USERS} user names
 * are kept (the least recently failed go first): anyone may send any name.
 */
@ApplicationScoped
public class FailedLogins {
    static final int MAX_USERS = 4096;

    private static final class Streak {
        int failures;
        long lastAt;
    }

    private final LockoutPolicy policy;
    private final SourceLimiter perSource;
    private final Map<String, Streak> streaks = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Streak> eldest) {
            return size() > MAX_USERS;
        }
    };

    public FailedLogins() {
        this(LockoutPolicy.current(), new SourceLimiter(SourceLimiter.DEFAULT_INTERVAL_MILLIS));
    }

    FailedLogins(LockoutPolicy policy, SourceLimiter perSource) {
        this.policy = policy;
        this.perSource = perSource;
    }

    /**
     * A login as {@code user} (as sent, maybe garbage) from {@code address} failed.
     *
     * @return the user's failures in a row, this one included
     */
    public int failed(String address, String user, long nowMillis) {
        int inARow;
        synchronized (streaks) {
            Streak s = streaks.computeIfAbsent(String.valueOf(user), u -> new Streak());
            if (nowMillis - s.lastAt > policy.sessionMinutes() * 60_000L) {
                s.failures = 0;
            }
            s.failures++;
            s.lastAt = nowMillis;
            inARow = s.failures;
        }
        long unlogged = perSource.admit(String.valueOf(address), nowMillis);
        if (unlogged >= 0) {
            ConsoleLog.loginFailed(address, user, inARow, policy.describe(), unlogged, perSource.intervalSeconds());
        }
        if (policy.enabled() && inARow == policy.maxFailedAttempts()) {
            ConsoleLog.accountLocked(user, inARow, policy.describe());
        }
        return inARow;
    }

    /** {@code user} signed in: the realm has cleared its count, and so does the console. */
    public void succeeded(String user) {
        synchronized (streaks) {
            streaks.remove(user);
        }
    }
}
