package dev.switchboard.sip.provider;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of HTTP digest authentication as SIP uses it (RFC 3261 22.4 with RFC 7616):
 * algorithm MD5, {@code qop=auth}, nothing else. jain-sip's own DigestServerAuthenticationHelper
 * is not used: it ignores qop and the nonce count, never expires a nonce and compares in
 * variable time.
 *
 * <p>Nonces carry their own proof: issue time, random bytes and an HMAC over both under a key
 * made at start, so issuing one stores nothing (a flood of unauthenticated requests costs no
 * memory) and a nonce from before a restart is simply unknown. Replay is stopped by the nonce
 * count: each accepted use of a nonce must count higher than the last, except a retransmission
 * of the very request that was accepted (same transaction). That state exists only for nonces
 * that authenticated someone, and is forgotten when they expire.
 */
final class DigestVerifier {
    static final String ALGORITHM = "MD5";
    static final String QOP = "auth";
    private static final int MAX_TRACKED_NONCES = 10_000;
    private static final Pattern NC = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final Pattern HEX32 = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final HexFormat HEX = HexFormat.of();

    private final String realm;
    /** user name → HA1 = MD5(user:realm:password), so the passwords are not kept here. */
    private final Map<String, String> ha1;
    private final long lifetimeMillis;
    private final LongSupplier millis;
    private final SecureRandom random;
    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Use> uses = new ConcurrentHashMap<>();

    /** The last accepted use of a nonce. */
    private record Use(long count, String transaction, long issued) {
    }

    /** What the Authorization header said; every field as sent, null when absent. */
    record Credentials(String username, String realm, String nonce, String uri, String response, String algorithm,
                       String cnonce, String nc, String qop) {
    }

    enum Outcome {
        /** The credentials are right and fresh. */
        ACCEPTED,
        /** The credentials are right but the nonce is too old: challenge again with stale=true. */
        STALE,
        /** Wrong, malformed or replayed: challenge again and log it. */
        REFUSED
    }

    /** The verdict, with what was wrong for the log (never a password or a digest). */
    record Result(Outcome outcome, String reason) {
    }

    DigestVerifier(String realm, Map<String, String> passwords, long lifetimeMillis, LongSupplier millis,
                   SecureRandom random) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.lifetimeMillis = lifetimeMillis;
        this.millis = millis;
        this.random = random;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        Map<String, String> hashes = new ConcurrentHashMap<>();
        passwords.forEach((user, password) -> hashes.put(user, ha1(user, realm, password)));
        this.ha1 = Map.copyOf(hashes);
    }

    String realm() {
        return realm;
    }

    /** A fresh nonce: base64url of issue time (8 bytes), random (8 bytes) and their HMAC (16 bytes). */
    String newNonce() {
        byte[] body = ByteBuffer.allocate(16).putLong(millis.getAsLong()).putLong(random.nextLong()).array();
        byte[] nonce = ByteBuffer.allocate(32).put(body).put(mac(body), 0, 16).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    /**
     * Checks credentials sent with {@code method}; the caller has checked that their digest URI is
     * the request-URI.
     *
     * @param transaction what identifies the request's transaction (its branch and method): a
     *                    retransmission of an accepted request is accepted again
     */
    Result verify(String method, Credentials c, String transaction) {
        if (!realm.equals(c.realm())) {
            return refused("realm '" + c.realm() + "' is not '" + realm + "'");
        }
        if (c.algorithm() != null && !c.algorithm().equalsIgnoreCase(ALGORITHM)) {
            return refused("algorithm " + c.algorithm() + " is not " + ALGORITHM);
        }
        if (!QOP.equals(c.qop())) {
            return refused("qop " + c.qop() + " is not " + QOP);
        }
        if (c.nc() == null || !NC.matcher(c.nc()).matches() || c.cnonce() == null || c.cnonce().isEmpty()
                || c.response() == null || !HEX32.matcher(c.response()).matches() || c.uri() == null) {
            return refused("nc, cnonce, uri or response missing or malformed");
        }
        long issued = issued(c.nonce());
        if (issued < 0) {
            return refused("nonce was not issued by this server (or before a restart)");
        }
        String userHash = c.username() == null ? null : ha1.get(c.username());
        if (userHash == null) {
            return refused("unknown user");
        }
        String expected = response(userHash, c.nonce(), c.nc(), c.cnonce(), c.qop(), method, c.uri());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return refused("wrong password or digest");
        }
        long now = millis.getAsLong();
        if (now - issued > lifetimeMillis) {
            return new Result(Outcome.STALE, "nonce older than " + lifetimeMillis + " ms");
        }
        return countUse(c.nonce(), Long.parseLong(c.nc(), 16), transaction, issued, now);
    }

    private Result countUse(String nonce, long count, String transaction, long issued, long now) {
        if (uses.size() >= MAX_TRACKED_NONCES) {
            uses.values().removeIf(u -> now - u.issued() > lifetimeMillis);
        }
        boolean[] accepted = new boolean[1];
        uses.compute(nonce, (n, last) -> {
            if (last == null || count > last.count()) {
                accepted[0] = true;
                return new Use(count, transaction, issued);
            }
            accepted[0] = count == last.count() && transaction.equals(last.transaction());
            return last;
        });
        return accepted[0] ? new Result(Outcome.ACCEPTED, null)
                : refused("nonce count " + count + " already used (a replay)");
    }

    /** When the nonce was issued, or -1 if it is not one of ours. */
    private long issued(String nonce) {
        if (nonce == null) {
            return -1;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (raw.length != 32) {
            return -1;
        }
        byte[] body = Arrays.copyOf(raw, 16);
        byte[] tag = Arrays.copyOfRange(raw, 16, 32);
        if (!MessageDigest.isEqual(Arrays.copyOf(mac(body), 16), tag)) {
            return -1;
        }
        return ByteBuffer.wrap(body).getLong();
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    private static Result refused(String reason) {
        return new Result(Outcome.REFUSED, reason);
    }

    /** HA1 = MD5(username:realm:password) (RFC 7616 3.4.2, algorithm MD5). */
    static String ha1(String username, String realm, String password) {
        return md5(username + ":" + realm + ":" + password);
    }

    /** The request-digest for qop=auth: MD5(HA1:nonce:nc:cnonce:qop:MD5(method:uri)) (RFC 7616 3.4.1). */
    static String response(String ha1, String nonce, String nc, String cnonce, String qop, String method,
                           String uri) {
        String ha2 = md5(method + ":" + uri);
        return md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    private static String md5(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }
}
