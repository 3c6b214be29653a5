package dev.switchboard.sip.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Answers HTTP Digest challenges as SIP uses them (RFC 3261 section 22, RFC 2617, RFC 7616,
 * RFC 8760): the value of the {@code Authorization} or {@code Proxy-Authorization} header for one
 * request. Each answer has a fresh random client nonce and nonce count 1, because every challenge
 * brings a fresh server nonce: nothing is cached between requests.
 */
public final class Digest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FIRST_NONCE_COUNT = "00000001";

    /** The algorithms answered, weakest first; a -sess one hashes the nonces into HA1 too. */
    public enum Algorithm {
        MD5("MD5", "MD5", false),
        MD5_SESS("MD5-sess", "MD5", true),
        SHA_256("SHA-256", "SHA-256", false),
        SHA_256_SESS("SHA-256-sess", "SHA-256", true),
        SHA_512_256("SHA-512-256", "SHA-512/256", false),
        SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true);

        private final String token;
        private final String javaName;
        private final boolean session;

        Algorithm(String token, String javaName, boolean session) {
            this.token = token;
            this.javaName = javaName;
            this.session = session;
        }

        /** As written in the header, such as {@code SHA-256}. */
        public String token() {
            return token;
        }

        /** The algorithm a challenge names; no algorithm parameter means MD5. */
        public static Optional<Algorithm> of(String token) {
            if (token == null) {
                return Optional.of(MD5);
            }
            for (Algorithm a : values()) {
                if (a.token.equalsIgnoreCase(token.strip())) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }

        private String hash(String text) {
            try {
                byte[] h = MessageDigest.getInstance(javaName).digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(h);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no " + javaName + ", which every Java 17 has", e);
            }
        }
    }

    private Digest() {
    }

    /** Whether {@link #authorization} can answer {@code c}: a known algorithm and a qop it can use (or none). */
    public static boolean canAnswer(DigestChallenge c) {
        Optional<Algorithm> a = Algorithm.of(c.algorithm());
        Qop qop = Qop.answering(c);
        if (a.isEmpty() || qop == Qop.UNKNOWN) {
            return false;
        }
        return !a.get().session || qop != Qop.NONE; // a -sess HA1 needs the client nonce, sent only with a qop
    }

    /** Of several challenges (one per header), the one with the strongest algorithm this class can answer. */
    public static Optional<DigestChallenge> strongest(List<DigestChallenge> challenges) {
        return challenges.stream().filter(Digest::canAnswer)
                .max(Comparator.comparing((DigestChallenge c) -> Algorithm.of(c.algorithm()).orElseThrow().ordinal()));
    }

    /** An unpredictable client nonce: 128 random bits in hex. */
    public static String newClientNonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * The header value answering {@code challenge} for one request.
     *
     * @param uri     the request-URI as sent (the digest-uri)
     * @param body    the request body, hashed only for qop auth-int; null for none
     * @param cnonce  the client nonce ({@link #newClientNonce()}); tests give a known one
     * @throws IllegalArgumentException when the challenge cannot be answered ({@link #canAnswer})
     */
    public static String authorization(DigestChallenge challenge, DigestCredentials credentials, String method,
                                       String uri, byte[] body, String cnonce) {
        if (!canAnswer(challenge)) {
            throw new IllegalArgumentException("cannot answer a Digest challenge with algorithm "
                    + challenge.algorithm() + " and qop " + challenge.qops());
        }
        Algorithm a = Algorithm.of(challenge.algorithm()).orElseThrow();
        Qop qop = Qop.answering(challenge);
        String ha1 = a.hash(credentials.username() + ":" + challenge.realm() + ":" + credentials.password());
        if (a.session) {
            ha1 = a.hash(ha1 + ":" + challenge.nonce() + ":" + cnonce);
        }
        String a2 = method + ":" + uri;
        if (qop == Qop.AUTH_INT) {
            a2 += ":" + a.hash(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }
        String ha2 = a.hash(a2);
        String response = qop != Qop.NONE
                ? a.hash(ha1 + ":" + challenge.nonce() + ":" + FIRST_NONCE_COUNT + ":" + cnonce + ":" + qop.token + ":" + ha2)
                : a.hash(ha1 + ":" + challenge.nonce() + ":" + ha2);

        StringBuilder sb = new StringBuilder("Digest ");
        sb.append("username=").append(quoted(credentials.username()));
        sb.append(", realm=").append(quoted(challenge.realm()));
        sb.append(", nonce=").append(quoted(challenge.nonce()));
        sb.append(", uri=").append(quoted(uri));
        sb.append(", response=").append(quoted(response));
        sb.append(", algorithm=").append(a.token);
        if (qop != Qop.NONE) {
            sb.append(", cnonce=").append(quoted(cnonce));
            sb.append(", qop=").append(qop.token);
            sb.append(", nc=").append(FIRST_NONCE_COUNT);
        }
        if (challenge.opaque() != null) {
            sb.append(", opaque=").append(quoted(challenge.opaque()));
        }
        return sb.toString();
    }

    /** The quality of protection an answer uses. */
    private enum Qop {
        /** The challenge offers none: the RFC 2069 form, without client nonce. */
        NONE(null),
        AUTH("auth"),
        AUTH_INT("auth-int"),
        /** The challenge offers only options nobody here knows. */
        UNKNOWN(null);

        private final String token;

        Qop(String token) {
            this.token = token;
        }

        /** auth when offered, else auth-int. */
        static Qop answering(DigestChallenge c) {
            if (c.qops().isEmpty()) {
                return NONE;
            }
            if (c.qops().contains(AUTH.token)) {
                return AUTH;
            }
            return c.qops().contains(AUTH_INT.token) ? AUTH_INT : UNKNOWN;
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
