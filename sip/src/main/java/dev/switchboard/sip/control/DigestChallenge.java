package dev.switchboard.sip.control;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code Digest} challenge of a 401 {@code WWW-Authenticate} or 407 {@code Proxy-Authenticate}
 * header, as its parameters were read (quotes removed).
 *
 * @param algorithm the algorithm token, or null when the challenge names none (which means MD5)
 * @param qops      the qop options offered, lower case; empty when the challenge has no qop
 * @param opaque    to be returned unchanged, or null
 * @param stale     whether the server says only the nonce was stale, not the credentials
 */
public record DigestChallenge(String realm, String nonce, String algorithm, List<String> qops, String opaque,
                              boolean stale) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "a Digest challenge without realm");
        Objects.requireNonNull(nonce, "a Digest challenge without nonce");
        qops = List.copyOf(qops);
    }

    /** Reads a qop parameter value such as {@code auth,auth-int} into its options. */
    public static List<String> qopOptions(String qop) {
        if (qop == null || qop.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(qop.split(",")).map(q -> q.strip().toLowerCase(Locale.ROOT))
                .filter(q -> !q.isEmpty()).toList();
    }
}
