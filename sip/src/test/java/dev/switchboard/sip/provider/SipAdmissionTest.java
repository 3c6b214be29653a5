package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Admission control over loopback: who may send requests (sipAllowedPeers), how often
 * (sipRateLimit), with which credentials (sipAuthUsers), and what a refused peer gets.
 */
class SipAdmissionTest {
    private static final String SDP = "application/sdp";
    private final List<AutoCloseable> open = new ArrayList<>();
    private final SipLogRecords logs = new SipLogRecords();
    private RunningProvider server;

    private void start(Map<String, String> settings) throws Exception {
        server = new RunningProvider(settings);
        open.add(server);
    }

    private SipPeer peer(String localAddress) throws Exception {
        SipPeer p = new SipPeer(server.port, InetAddress.getByName(localAddress));
        open.add(0, p);
        return p;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        logs.close();
    }

    @Test
    void aPeerOutsideTheAllowlistGetsOne403WithoutRetransmissionsAndNoCall() throws Exception {
        start(Map.of(SipSettings.ALLOWED_PEERS, "192.0.2.0/24, 2001:db8::/32"));
        SipPeer stranger = peer("127.0.0.1");
        stranger.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER);
        SipPeer.Message forbidden = stranger.finalResponse("INVITE");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("to")).contains(";tag=");
        // an INVITE server transaction would resend its final response after 0.5 s and 1.5 s until an ACK
        // that this caller never sends; the refusal has no transaction, so nothing else comes
        assertThat(stranger.receivesAnythingWithin(2_000)).as("a retransmission of the 403").isFalse();
        stranger.send("OPTIONS", "fax-in", null, null);
        assertThat(stranger.finalResponse("OPTIONS").status()).isEqualTo(403);
        assertThat(server.events.isEmpty()).as("no call reached the core").isTrue();
        assertThat(logs.withId("SWB3040")).singleElement().asString().contains("INVITE sip:fax-in@127.0.0.1")
                .contains("from 127.0.0.1").contains("not in sipAllowedPeers");
    }

    @Test
    void theSameWaitProvesRetransmissionsWhereATransactionAnswers() throws Exception {
        // the contrast to the test above: an admitted INVITE's 404 comes from a transaction and is resent
        start(Map.of());
        SipPeer caller = peer("127.0.0.1");
        caller.send("INVITE", "nobody", SDP, SipLineProviderTest.AUDIO_OFFER);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(404);
        assertThat(caller.receivesAnythingWithin(2_000)).as("the 404 again, for want of an ACK").isTrue();
    }

    @Test
    void inDropModeAPeerOutsideTheAllowlistHearsNothing() throws Exception {
        start(Map.of(SipSettings.ALLOWED_PEERS, "127.0.0.2", SipSettings.REFUSAL_MODE, "drop"));
        SipPeer stranger = peer("127.0.0.1");
        stranger.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER);
        await().until(() -> !logs.withId("SWB3040").isEmpty());
        assertThat(logs.withId("SWB3040").get(0)).contains("dropped");
        assertThat(stranger.receivesAnythingWithin(1_000)).as("an answer, a 100 Trying or a retransmission").isFalse();
        // the allowed address still gets in
        SipPeer friend = peer("127.0.0.2");
        friend.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER);
        friend.response(180, "INVITE");
        assertThat(server.events.next(friend.callId)).isEqualTo("newCall fax-in 0x4");
    }

    @Test
    void aBurstOfInvitesFromOneSourceIsLimitedWhileAnotherSourceGetsThrough() throws Exception {
        start(Map.of(SipSettings.RATE_LIMIT, "1", SipSettings.RATE_BURST, "2"));
        List<SipPeer> flood = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SipPeer p = peer("127.0.0.1");
            p.send("INVITE", "sales", SDP, SipLineProviderTest.AUDIO_OFFER);
            flood.add(p);
        }
        int limited = 0;
        for (SipPeer p : flood) {
            SipPeer.Message m = p.expect(r -> r.isResponse() && r.status() > 100, "180 or 503");
            if (m.status() == 503) {
                limited++;
                assertThat(m.header("retry-after")).as("Retry-After of a 503").matches("[1-9][0-9]*");
            } else {
                assertThat(m.status()).isEqualTo(180);
            }
        }
        // 5 INVITEs sent within milliseconds: the burst of 2 passes, and at most one more token can have grown
        assertThat(limited).isBetween(2, 3);
        SipPeer other = peer("127.0.0.2");
        other.send("INVITE", "sales", SDP, SipLineProviderTest.AUDIO_OFFER);
        assertThat(other.expect(r -> r.isResponse() && r.status() > 100, "180").status()).isEqualTo(180);
        assertThat(logs.withId("SWB3040")).singleElement().asString().contains("over sipRateLimit");
    }

    /**
     * Kamailio's dispatcher probes each node with an OPTIONS to the node's address (no user) from
     * its own address, the one all the calls it spreads come from too: the probe is answered 200
     * even when that source's INVITE budget is spent, or the proxy would take the node for dead.
     */
    @Test
    void aProxysOptionsProbeIsAnswered200WhileItsInvitesAreOverTheRateLimit() throws Exception {
        start(Map.of(SipSettings.ALLOWED_PEERS, "127.0.0.2", SipSettings.RATE_LIMIT, "1", SipSettings.RATE_BURST, "1"));
        SipPeer proxy = peer("127.0.0.2");
        proxy.send("INVITE", "sales", SDP, SipLineProviderTest.AUDIO_OFFER);
        assertThat(proxy.expect(r -> r.isResponse() && r.status() > 100, "180").status()).isEqualTo(180);
        SipPeer second = peer("127.0.0.2");
        second.send("INVITE", "sales", SDP, SipLineProviderTest.AUDIO_OFFER);
        assertThat(second.expect(r -> r.isResponse() && r.status() > 100, "503").status()).isEqualTo(503);
        SipPeer prober = peer("127.0.0.2");
        prober.sendRaw("OPTIONS sip:127.0.0.1:" + server.port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.2:" + prober.port() + ";branch=z9hG4bKds-probe-1\r\n"
                + "To: <sip:127.0.0.1:" + server.port + ">\r\n"
                + "From: <sip:dispatcher@localhost>;tag=ds-probe\r\n"
                + "CSeq: 10 OPTIONS\r\nCall-ID: ds-probe-1@127.0.0.2\r\nMax-Forwards: 70\r\n"
                + "User-Agent: kamailio (5.6.3 (x86_64/linux))\r\nContent-Length: 0\r\n\r\n");
        assertThat(prober.expect(r -> r.isResponse() && "ds-probe-1@127.0.0.2".equals(r.header("call-id")),
                "the probe's answer").status()).isEqualTo(200);
    }

    @Test
    void anAuthenticatedCallIsChallengedThenConnectsAndEnds() throws Exception {
        start(Map.of(SipSettings.AUTH_USERS, "alice:s3cret:with:colons,bob:x1"));
        SipPeer caller = peer("127.0.0.1");
        caller.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER);
        SipPeer.Message challenge = caller.finalResponse("INVITE");
        assertThat(challenge.status()).isEqualTo(401);
        String www = challenge.header("www-authenticate");
        assertThat(www).startsWith("Digest ").contains("realm=\"switchboard\"").contains("qop=\"auth\"")
                .contains("algorithm=MD5");
        caller.ackError("fax-in");
        caller.forgetToTag();
        caller.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER,
                authorization("alice", "s3cret:with:colons", param(www, "nonce"), "00000001", "INVITE"));
        caller.response(180, "INVITE");
        assertThat(server.events.next(caller.callId)).isEqualTo("newCall fax-in 0x4");
        server.provider.answer(caller.callId);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        assertThat(server.events.next(caller.callId)).isEqualTo("state CONNECTED");
        caller.send("ACK", "fax-in", null, null);
        caller.send("BYE", "fax-in", null, null);
        assertThat(caller.finalResponse("BYE").status()).as("BYE is not in sipAuthMethods").isEqualTo(200);
        assertThat(server.events.next(caller.callId)).isEqualTo("hangup");
        assertThat(logs.withId("SWB3040")).as("a challenge is not a refusal").isEmpty();
    }

    @Test
    void aWrongPasswordAndAReplayedAuthorizationAreRefusedWithAFreshChallenge() throws Exception {
        start(Map.of(SipSettings.AUTH_USERS, "alice:s3cret", SipSettings.AUTH_REALM, "pbx.example"));
        SipPeer guesser = peer("127.0.0.1");
        guesser.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER);
        String nonce = param(guesser.finalResponse("INVITE").header("www-authenticate"), "nonce");
        guesser.forgetToTag();
        guesser.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER,
                authorization("alice", "guess", nonce, "00000001", "INVITE", "pbx.example"));
        SipPeer.Message refused = guesser.finalResponse("INVITE");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(param(refused.header("www-authenticate"), "nonce")).isNotEqualTo(nonce);
        assertThat(logs.withId("SWB3040")).singleElement().asString().contains("failed digest authentication")
                .contains("user 'alice': wrong password or digest").doesNotContain("guess");

        SipPeer caller = peer("127.0.0.1");
        caller.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER);
        String good = authorization("alice", "s3cret", param(caller.finalResponse("INVITE").header("www-authenticate"),
                "nonce"), "00000001", "INVITE", "pbx.example");
        caller.forgetToTag();
        caller.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER, good);
        caller.response(180, "INVITE");
        assertThat(server.events.next(caller.callId)).isEqualTo("newCall fax-in 0x4");

        // someone who captured that INVITE sends its credentials again, on a call of their own
        SipPeer replayer = peer("127.0.0.1");
        replayer.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER, good);
        assertThat(replayer.finalResponse("INVITE").status()).isEqualTo(401);
        assertThat(server.events.isEmpty()).as("no call for the replay").isTrue();
    }

    @Test
    void credentialsForAnotherRequestUriAreRefused() throws Exception {
        start(Map.of(SipSettings.AUTH_USERS, "alice:s3cret"));
        SipPeer caller = peer("127.0.0.1");
        caller.send("INVITE", "sales", SDP, SipLineProviderTest.AUDIO_OFFER);
        String nonce = param(caller.finalResponse("INVITE").header("www-authenticate"), "nonce");
        caller.forgetToTag();
        // signed for fax-in, sent to sales
        caller.send("INVITE", "sales", SDP, SipLineProviderTest.AUDIO_OFFER,
                authorization("alice", "s3cret", nonce, "00000001", "INVITE"));
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(401);
        assertThat(logs.withId("SWB3040")).singleElement().asString().contains("is not the request-URI");
    }

    @Test
    void inDropModeAFailedLoginHearsNothingButTheFirstChallengeIsStillSent() throws Exception {
        start(Map.of(SipSettings.AUTH_USERS, "alice:s3cret", SipSettings.REFUSAL_MODE, "drop"));
        SipPeer guesser = peer("127.0.0.1");
        guesser.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER);
        String nonce = param(guesser.finalResponse("INVITE").header("www-authenticate"), "nonce");
        guesser.forgetToTag();
        guesser.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER,
                authorization("alice", "guess", nonce, "00000001", "INVITE"));
        await().until(() -> !logs.withId("SWB3040").isEmpty());
        assertThat(guesser.receivesAnythingWithin(1_000)).isFalse();
    }

    /** The Authorization header a client computes for {@code sip:fax-in@127.0.0.1:port}, as RFC 7616 says. */
    private String authorization(String user, String password, String nonce, String nc, String method) {
        return authorization(user, password, nonce, nc, method, "switchboard");
    }

    private String authorization(String user, String password, String nonce, String nc, String method, String realm) {
        String uri = "sip:fax-in@127.0.0.1:" + server.port;
        String response = md5(md5(user + ":" + realm + ":" + password) + ":" + nonce + ":" + nc + ":abc123:auth:"
                + md5(method + ":" + uri));
        return "Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"abc123\", qop=auth,"
                + " nc=" + nc;
    }

    private static String md5(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(header);
        assertThat(m.find()).as(name + " in " + header).isTrue();
        return m.group(1);
    }
}
