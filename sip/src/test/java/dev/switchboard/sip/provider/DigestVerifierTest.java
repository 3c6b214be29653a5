package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sip.provider.DigestVerifier.Credentials;
import dev.switchboard.sip.provider.DigestVerifier.Outcome;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DigestVerifierTest {
    private static final String REALM = "switchboard";
    private static final String URI = "sip:fax-in@192.0.2.1:5060";
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final DigestVerifier verifier = new DigestVerifier(REALM, Map.of("alice", "wonder land", "bob", "b0b"),
            60_000, now::get, new SecureRandom());

    /** What a client sends: the digest computed as RFC 7616 says, over the given fields. */
    private static Credentials signed(String user, String password, String nonce, String nc, String method) {
        String response = DigestVerifier.response(DigestVerifier.ha1(user, REALM, password), nonce, nc, "c0ffee",
                "auth", method, URI);
        return new Credentials(user, REALM, nonce, URI, response, "MD5", "c0ffee", nc, "auth");
    }

    @Test
    void theRequestDigestIsTheOneOfRfc2617And7616() {
        // RFC 2617 section 3.5
        String ha1 = DigestVerifier.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertThat(ha1).isEqualTo("939e7578ed9e3c518a452acee763bce9");
        assertThat(DigestVerifier.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth",
                "GET", "/dir/index.html")).isEqualTo("6629fae49393a05397450978507c4ef1");
        // RFC 7616 section 3.9.1, algorithm MD5
        assertThat(DigestVerifier.response(DigestVerifier.ha1("Mufasa", "http-auth@example.org", "Circle of Life"),
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", "GET", "/dir/index.html"))
                .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void rightCredentialsOnAFreshNonceAreAccepted() {
        String nonce = verifier.newNonce();
        assertThat(verifier.verify("INVITE", signed("alice", "wonder land", nonce, "00000001", "INVITE"), "t1").outcome())
                .isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void eachNonceIsNew() {
        assertThat(verifier.newNonce()).isNotEqualTo(verifier.newNonce());
    }

    @Test
    void aWrongPasswordAnUnknownUserAndAnotherMethodAreRefused() {
        String nonce = verifier.newNonce();
        assertThat(verifier.verify("INVITE", signed("alice", "wrong", nonce, "00000001", "INVITE"), "t1"))
                .extracting(DigestVerifier.Result::outcome, DigestVerifier.Result::reason)
                .containsExactly(Outcome.REFUSED, "wrong password or digest");
        assertThat(verifier.verify("INVITE", signed("mallory", "x", nonce, "00000001", "INVITE"), "t2").reason())
                .isEqualTo("unknown user");
        assertThat(verifier.verify("INVITE", signed("alice", "wonder land", nonce, "00000002", "BYE"), "t3").outcome())
                .as("signed for BYE, sent with INVITE").isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aReusedNonceCountIsAReplayUnlessItIsTheSameTransactionRetransmitted() {
        String nonce = verifier.newNonce();
        Credentials first = signed("alice", "wonder land", nonce, "00000001", "INVITE");
        assertThat(verifier.verify("INVITE", first, "branch-1 INVITE").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(verifier.verify("INVITE", first, "branch-1 INVITE").outcome())
                .as("the same request retransmitted over UDP").isEqualTo(Outcome.ACCEPTED);
        assertThat(verifier.verify("INVITE", first, "branch-2 INVITE"))
                .as("the same credentials on a new request")
                .extracting(DigestVerifier.Result::outcome).isEqualTo(Outcome.REFUSED);
        assertThat(verifier.verify("INVITE", signed("alice", "wonder land", nonce, "00000002", "INVITE"),
                "branch-3 INVITE").outcome()).as("the next count").isEqualTo(Outcome.ACCEPTED);
        assertThat(verifier.verify("INVITE", signed("alice", "wonder land", nonce, "00000002", "INVITE"),
                "branch-4 INVITE").reason()).contains("replay");
        assertThat(verifier.verify("INVITE", signed("alice", "wonder land", nonce, "00000001", "INVITE"),
                "branch-5 INVITE").outcome()).as("an older count").isEqualTo(Outcome.REFUSED);
    }

    @Test
    void anExpiredNonceWithRightCredentialsIsStale() {
        String nonce = verifier.newNonce();
        now.addAndGet(60_001);
        assertThat(verifier.verify("INVITE", signed("alice", "wonder land", nonce, "00000001", "INVITE"), "t").outcome())
                .isEqualTo(Outcome.STALE);
        assertThat(verifier.verify("INVITE", signed("alice", "nope", nonce, "00000001", "INVITE"), "t").outcome())
                .as("wrong credentials are refused, stale or not").isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aNonceThisServerDidNotIssueIsRefused() {
        String nonce = verifier.newNonce();
        byte[] raw = Base64.getUrlDecoder().decode(nonce);
        raw[3] ^= 1; // an attacker moves the issue time
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThat(verifier.verify("INVITE", signed("alice", "wonder land", forged, "00000001", "INVITE"), "t").reason())
                .contains("not issued by this server");
        DigestVerifier otherServer = new DigestVerifier(REALM, Map.of("alice", "wonder land"), 60_000, now::get,
                new SecureRandom());
        assertThat(verifier.verify("INVITE", signed("alice", "wonder land", otherServer.newNonce(), "00000001",
                "INVITE"), "t").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(verifier.verify("INVITE", signed("alice", "wonder land", "not base64 !", "00000001", "INVITE"), "t")
                .outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void anythingButMd5WithQopAuthIsRefused() {
        String nonce = verifier.newNonce();
        Credentials ok = signed("alice", "wonder land", nonce, "00000001", "INVITE");
        Credentials noQop = new Credentials("alice", REALM, nonce, URI, ok.response(), "MD5", "c0ffee", "00000001", null);
        assertThat(verifier.verify("INVITE", noQop, "t").reason()).contains("qop");
        Credentials sha = new Credentials("alice", REALM, nonce, URI, ok.response(), "SHA-256", "c0ffee", "00000001",
                "auth");
        assertThat(verifier.verify("INVITE", sha, "t").reason()).contains("algorithm");
        Credentials otherRealm = new Credentials("alice", "elsewhere", nonce, URI, ok.response(), "MD5", "c0ffee",
                "00000001", "auth");
        assertThat(verifier.verify("INVITE", otherRealm, "t").reason()).contains("realm");
        Credentials badNc = new Credentials("alice", REALM, nonce, URI, ok.response(), "MD5", "c0ffee", "1", "auth");
        assertThat(verifier.verify("INVITE", badNc, "t").reason()).contains("malformed");
        Credentials noAlgorithm = new Credentials("alice", REALM, nonce, URI, ok.response(), null, "c0ffee", "00000001",
                "auth");
        assertThat(verifier.verify("INVITE", noAlgorithm, "t").outcome()).as("MD5 is the default")
                .isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void anUppercaseHexDigestIsTheSameDigest() {
        String nonce = verifier.newNonce();
        Credentials ok = signed("bob", "b0b", nonce, "0000000A", "INVITE");
        Credentials upper = new Credentials("bob", REALM, nonce, URI, ok.response().toUpperCase(), "md5", "c0ffee",
                "0000000A", "auth");
        assertThat(verifier.verify("INVITE", upper, "t").outcome()).isEqualTo(Outcome.ACCEPTED);
    }
}
