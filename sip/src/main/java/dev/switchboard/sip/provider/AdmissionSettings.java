package dev.switchboard.sip.provider;

import static dev.switchboard.sip.provider.SipSettings.ALLOWED_PEERS;
import static dev.switchboard.sip.provider.SipSettings.AUTH_METHODS;
import static dev.switchboard.sip.provider.SipSettings.AUTH_NONCE_LIFETIME;
import static dev.switchboard.sip.provider.SipSettings.AUTH_REALM;
import static dev.switchboard.sip.provider.SipSettings.AUTH_USERS;
import static dev.switchboard.sip.provider.SipSettings.RATE_BURST;
import static dev.switchboard.sip.provider.SipSettings.RATE_LIMIT;
import static dev.switchboard.sip.provider.SipSettings.RATE_LIMITED_REQUESTS;
import static dev.switchboard.sip.provider.SipSettings.REFUSAL_LOG_INTERVAL;
import static dev.switchboard.sip.provider.SipSettings.REFUSAL_MODE;

import dev.switchboard.core.spi.SettingsReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may send the SIP provider requests, and how often: the allowlist, the per-source rate
 * limit, digest authentication, and what a refused peer gets. Read from the {@code sip*}
 * properties with the defaults of {@link SipSettings}; see docs/sip.md, "Admission control".
 *
 * @param ratePerSecond  requests a second per source address; 0 = no limit
 * @param authUsers      user name → password; empty = no authentication
 * @param authMethods    the methods that must carry credentials (never ACK or CANCEL, which cannot be challenged)
 */
public record AdmissionSettings(PeerAllowlist allowedPeers, int ratePerSecond, int rateBurst,
                                LimitedRequests limitedRequests, Map<String, String> authUsers, String authRealm,
                                Set<String> authMethods, long nonceLifetimeMillis, RefusalMode refusalMode,
                                long refusalLogIntervalMillis) {

    /** Which requests the rate limit counts. */
    public enum LimitedRequests {
        /** INVITEs that start a call: a flood of calls is limited, a call's own requests never. */
        INVITE,
        /** every request but ACK */
        ALL
    }

    /** What a refused request gets. */
    public enum RefusalMode {
        /** a response without a transaction: 403, 401 or 503, sent once, never retransmitted */
        ANSWER,
        /** nothing (a digest challenge to a request without credentials is still sent: it is how one logs in) */
        DROP
    }

    private static final Set<String> CHALLENGEABLE = Set.of("INVITE", "BYE", "INFO", "OPTIONS");

    public AdmissionSettings {
        authUsers = Map.copyOf(authUsers);
        authMethods = Set.copyOf(authMethods);
    }

    boolean authenticates() {
        return !authUsers.isEmpty();
    }

    boolean limitsRate() {
        return ratePerSecond > 0;
    }

    static AdmissionSettings from(SettingsReader read) {
        PeerAllowlist peers = PeerAllowlist.parse(ALLOWED_PEERS,
                read.text(ALLOWED_PEERS, SipSettings.DEFAULT_ALLOWED_PEERS));
        int rate = read.wholeNumber(RATE_LIMIT, SipSettings.DEFAULT_RATE_LIMIT, 0, 1_000_000);
        int burst = read.wholeNumber(RATE_BURST, SipSettings.DEFAULT_RATE_BURST, 1, 1_000_000);
        LimitedRequests limited = choice(LimitedRequests.class, RATE_LIMITED_REQUESTS,
                read.text(RATE_LIMITED_REQUESTS, SipSettings.DEFAULT_RATE_LIMITED_REQUESTS));
        Map<String, String> users = users(read.textOrEmpty(AUTH_USERS, ""));
        String realm = read.text(AUTH_REALM, SipSettings.DEFAULT_AUTH_REALM);
        if (realm.contains("\"") || realm.contains("\\") || realm.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(AUTH_REALM + " '" + realm + "' must not contain quotes, backslashes"
                    + " or control characters");
        }
        Set<String> methods = methods(read.text(AUTH_METHODS, SipSettings.DEFAULT_AUTH_METHODS));
        long lifetime = read.positiveMillis(AUTH_NONCE_LIFETIME, SipSettings.DEFAULT_AUTH_NONCE_LIFETIME);
        RefusalMode mode = choice(RefusalMode.class, REFUSAL_MODE,
                read.text(REFUSAL_MODE, SipSettings.DEFAULT_REFUSAL_MODE));
        long interval = read.positiveMillis(REFUSAL_LOG_INTERVAL, SipSettings.DEFAULT_REFUSAL_LOG_INTERVAL);
        return new AdmissionSettings(peers, rate, burst, limited, users, realm, methods, lifetime, mode, interval);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String property, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : " or ").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(property + " '" + value + "' must be " + allowed);
        }
    }

    /** {@code user:password,user2:password2}; the password is what follows the first colon. */
    private static Map<String, String> users(String value) {
        Map<String, String> users = new LinkedHashMap<>();
        for (String part : value.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String user = colon < 0 ? entry : entry.substring(0, colon);
            // the value is a secret: errors name the user, never the password
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException(AUTH_USERS + ": an entry for user '" + user + "' is not"
                        + " user:password (entries are separated by commas)");
            }
            if (!user.matches("[A-Za-z0-9._~!$&'()*+;=-]+")) {
                throw new IllegalArgumentException(AUTH_USERS + ": user '" + user + "' is not a SIP user name");
            }
            if (users.put(user, entry.substring(colon + 1)) != null) {
                throw new IllegalArgumentException(AUTH_USERS + ": user '" + user + "' is named twice");
            }
        }
        return users;
    }

    private static Set<String> methods(String value) {
        Set<String> methods = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String m = part.trim().toUpperCase(Locale.ROOT);
            if (m.isEmpty()) {
                continue;
            }
            if (!CHALLENGEABLE.contains(m)) {
                throw new IllegalArgumentException(AUTH_METHODS + " '" + value + "': '" + m + "' is not one of "
                        + "INVITE, BYE, INFO, OPTIONS (ACK and CANCEL cannot be challenged)");
            }
            methods.add(m);
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(AUTH_METHODS + " '" + value + "' names no method");
        }
        return methods;
    }

    /** Says what is set without the passwords. */
    @Override
    public String toString() {
        return "AdmissionSettings[allowedPeers=" + allowedPeers + ", rate=" + ratePerSecond + "/s burst " + rateBurst
                + " (" + limitedRequests + "), authUsers=" + authUsers.keySet() + ", realm=" + authRealm + ", authMethods="
                + authMethods + ", nonceLifetimeMillis=" + nonceLifetimeMillis + ", refusals=" + refusalMode
                + ", refusalLogIntervalMillis=" + refusalLogIntervalMillis + "]";
    }
}
