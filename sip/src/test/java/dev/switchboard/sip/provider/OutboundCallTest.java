package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.MediaMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls the provider places (R30, lineMakeCall) to a far end on raw UDP that answers as each test needs. */
class OutboundCallTest {
    static final String ANSWER = String.join("\r\n", "v=0", "o=callee 1 1 IN IP4 127.0.0.1", "s=-",
            "c=IN IP4 127.0.0.1", "t=0 0", "m=audio 7010 RTP/AVP 8 101", "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000", "a=sendrecv", "");
    private static final int VOICE = MediaMode.INTERACTIVEVOICE.bit();

    private final ProviderFixture fx = new ProviderFixture();

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    /** 100, 180, 200 with SDP, then the ACK: a connected outbound call; returns the INVITE. */
    private SipPeer.Message connect(SipCallee callee, String callId) throws Exception {
        SipPeer.Message invite = callee.request("INVITE");
        callee.reply(invite, 100, "Trying");
        callee.reply(invite, 180, "Ringing");
        assertThat(fx.events.next(callId)).isEqualTo("state PROCEEDING");
        assertThat(fx.events.next(callId)).isEqualTo("state RINGBACK");
        callee.reply(invite, 200, "OK", null, "application/sdp", ANSWER);
        SipPeer.Message ack = callee.request("ACK");
        assertThat(ack.header("cseq")).isEqualTo("1 ACK");
        assertThat(fx.events.next(callId)).isEqualTo("state CONNECTED");
        return invite;
    }

    @Test
    void outboundCallGoesProceedingRingbackConnectedAndTheFarEndHangsUp_R30() throws Exception {
        fx.start(Map.of());
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        SipPeer.Message invite = callee.request("INVITE");
        assertThat(invite.firstLine()).isEqualTo("INVITE " + callee.uri("bob") + " SIP/2.0");
        assertThat(invite.header("call-id")).as("a Call-ID of its own, not the core's name").isNotEqualTo(id)
                .matches("[0-9a-f]{20,}@127\\.0\\.0\\.1");
        assertThat(invite.header("from")).contains("sip:sales@127.0.0.1:" + fx.port).containsPattern(";tag=\\w+");
        assertThat(invite.header("to")).contains(callee.uri("bob")).doesNotContain("tag=");
        assertThat(invite.header("cseq")).isEqualTo("1 INVITE");
        assertThat(invite.header("max-forwards")).isEqualTo("70");
        assertThat(invite.header("via")).startsWith("SIP/2.0/UDP 127.0.0.1:" + fx.port + ";branch=z9hG4bK");
        assertThat(invite.header("contact")).contains("sip:sales@127.0.0.1:" + fx.port);
        assertThat(invite.header("content-type")).isEqualTo("application/sdp");
        assertThat(invite.body()).containsPattern("m=audio \\d+ RTP/AVP 0 8 101").contains("a=rtpmap:0 PCMU/8000",
                "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000", "a=sendrecv", "c=IN IP4 127.0.0.1");
        callee.reply(invite, 100, "Trying");
        callee.reply(invite, 180, "Ringing");
        callee.reply(invite, 183, "Session Progress");
        assertThat(fx.events.next(id)).isEqualTo("state PROCEEDING");
        assertThat(fx.events.next(id)).isEqualTo("state RINGBACK");
        callee.reply(invite, 200, "OK", null, "application/sdp", ANSWER);
        assertThat(callee.request("ACK").header("cseq")).isEqualTo("1 ACK");
        assertThat(fx.events.next(id)).as("183 after 180 is no second RINGBACK").isEqualTo("state CONNECTED");

        // the media of our offer is read: an RFC 4733 digit sent to it is reported
        int media = mediaPort(invite.body());
        try (SipPeer rtp = new SipPeer(fx.port)) {
            for (int i = 0; i < 4; i++) {
                rtp.sendMedia(media, SipLineProviderTest.rtp(101, i + 1, 4000, new byte[] {5, (byte) (i == 3 ? 0x8a : 0x0a), 0, (byte) (80 * (i + 1))}));
            }
            assertThat(fx.events.next(id)).isEqualTo("digit 5");
        }
        callee.sendInDialog(invite, "BYE", null);
        callee.response(200, "BYE");
        assertThat(fx.events.next(id)).isEqualTo("hangup");
    }

    @Test
    void aPlacedCallSendsWhatIsPlayedWhereAndAsTheAnswerSays_R30() throws Exception {
        fx.start(Map.of());
        SipCallee callee = fx.callee();
        try (RtpPeer far = new RtpPeer()) {
            String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
            SipPeer.Message invite = callee.request("INVITE");
            callee.reply(invite, 200, "OK", null, "application/sdp", ANSWER.replace("m=audio 7010", "m=audio " + far.port()));
            callee.request("ACK");
            assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "state CONNECTED");
            assertThat(far.next(1000).payloadType()).as("silence in PCMA, the answer's codec").isEqualTo(8);

            fx.provider.play(id, "play-1", java.util.List.of(dev.switchboard.api.media.Tone.custom(
                    java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(200), java.time.Duration.ZERO, 1000)));

            RtpPeer.Packet tone = far.until(p -> dev.switchboard.sip.media.Goertzel.share(
                    p.samples(dev.switchboard.sip.media.G711.ALAW), 1000) > 0.9, 2000, "the 1000 Hz tone in PCMA");
            assertThat(tone.payloadType()).isEqualTo(8);
            assertThat(fx.events.next(id)).isEqualTo("finished play-1 DONE 0ms");
        }
    }

    @Test
    void anOwnerDropOfAConnectedOutboundCallSendsBye_R30() throws Exception {
        fx.start(Map.of());
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        connect(callee, id);
        fx.provider.drop(id);
        SipPeer.Message bye = callee.request("BYE");
        callee.reply(bye, 200, "OK");
        assertThat(fx.events.take(2, id)).containsExactly("state DISCONNECTED", "state IDLE");
    }

    @Test
    void finalErrorsEndTheCallWithTheirTapiReason_R30() throws Exception {
        fx.start(Map.of());
        SipCallee callee = fx.callee();
        Object[][] cases = {{486, "Busy Here", "BUSY"}, {600, "Busy Everywhere", "BUSY"}, {603, "Decline", "REJECT"},
                {403, "Forbidden", "REJECT"}, {404, "Not Found", "UNREACHABLE"}, {503, "Service Unavailable", "UNREACHABLE"},
                {480, "Temporarily Unavailable", "NOANSWER"}, {408, "Request Timeout", "NOANSWER"},
                {500, "Server Internal Error", "UNKNOWN"}};
        for (Object[] c : cases) {
            String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
            SipPeer.Message invite = callee.request("INVITE");
            callee.reply(invite, 100, "Trying");
            callee.reply(invite, (int) c[0], (String) c[1]);
            assertThat(callee.request("ACK").header("cseq")).as("the stack acknowledges %s", c[0]).isEqualTo("1 ACK");
            assertThat(fx.events.take(2, id)).as("%s", c[0])
                    .containsExactly("state PROCEEDING", "disconnected " + c[2]);
            assertThat(fx.outboundFailures()).contains(id + " to " + callee.uri("bob") + " ended before answer: "
                    + c[2] + " (" + c[0] + " " + c[1] + ")");
        }
    }

    @Test
    void nobodyAnsweringWithinTheTimeoutIsCancelledAsNoanswer_R30() throws Exception {
        fx.start(Map.of(SipSettings.NO_ANSWER_TIMEOUT, "300"));
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        SipPeer.Message invite = callee.request("INVITE");
        callee.reply(invite, 180, "Ringing");
        SipPeer.Message cancel = callee.request("CANCEL");
        assertThat(cancel.header("cseq")).isEqualTo("1 CANCEL");
        assertThat(cancel.header("via")).isEqualTo(invite.header("via"));
        callee.reply(cancel, 200, "OK");
        callee.reply(invite, 487, "Request Terminated");
        callee.request("ACK");
        assertThat(fx.events.take(3, id)).containsExactly("state PROCEEDING", "state RINGBACK",
                "disconnected NOANSWER");
        assertThat(fx.outboundFailures()).contains("NOANSWER (no answer within sipNoAnswerTimeoutMillis 300 ms)");
    }

    @Test
    void aDropWhileRingingCancelsAndReportsTheDrop_R30() throws Exception {
        fx.start(Map.of());
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        SipPeer.Message invite = callee.request("INVITE");
        callee.reply(invite, 180, "Ringing");
        assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "state RINGBACK");
        fx.provider.drop(id);
        SipPeer.Message cancel = callee.request("CANCEL");
        assertThat(fx.events.take(2, id)).containsExactly("state DISCONNECTED", "state IDLE");
        callee.reply(cancel, 200, "OK");
        callee.reply(invite, 487, "Request Terminated");
        callee.request("ACK");
    }

    @Test
    void aDropBeforeAnyResponseCancelsOnceTheFirstProvisionalComes_R30() throws Exception {
        fx.start(Map.of());
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        SipPeer.Message invite = callee.request("INVITE");
        fx.provider.drop(id);
        assertThat(fx.events.take(2, id)).containsExactly("state DISCONNECTED", "state IDLE");
        assertThat(callee.receivesWithin("CANCEL", 300)).as("no CANCEL before a provisional response").isFalse();
        callee.reply(invite, 180, "Ringing");
        SipPeer.Message cancel = callee.request("CANCEL");
        callee.reply(cancel, 200, "OK");
        callee.reply(invite, 487, "Request Terminated");
        callee.request("ACK");
        assertThat(fx.events.isEmpty()).as("nothing more about the dropped call").isTrue();
    }

    @Test
    void anAnswerThatCrossesTheCancelIsAcknowledgedAndHungUp_R30() throws Exception {
        fx.start(Map.of());
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        SipPeer.Message invite = callee.request("INVITE");
        callee.reply(invite, 180, "Ringing");
        assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "state RINGBACK");
        fx.provider.drop(id);
        SipPeer.Message cancel = callee.request("CANCEL");
        callee.reply(invite, 200, "OK", null, "application/sdp", ANSWER); // answered before the CANCEL arrived
        callee.reply(cancel, 200, "OK");
        callee.request("ACK");
        SipPeer.Message bye = callee.request("BYE");
        callee.reply(bye, 200, "OK");
        assertThat(fx.events.take(2, id)).containsExactly("state DISCONNECTED", "state IDLE");
    }

    @Test
    void a401IsAnsweredWithDigestCredentialsAndTheCallGoesOn_R30() throws Exception {
        fx.start(Map.of(SipSettings.AUTH_USERNAME, "trunk-user", SipSettings.AUTH_PASSWORD, "s3cret pass"));
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        SipPeer.Message first = callee.request("INVITE");
        callee.reply(first, 401, "Unauthorized", "WWW-Authenticate: Digest realm=\"trunk.test\", nonce=\"n0nce-1\","
                + " opaque=\"op4que\", qop=\"auth\", algorithm=MD5\r\n", null, null);
        callee.request("ACK");
        SipPeer.Message second = callee.request("INVITE");
        assertThat(second.header("cseq")).isEqualTo("2 INVITE");
        assertThat(second.header("call-id")).isEqualTo(first.header("call-id"));
        assertThat(second.header("from")).isEqualTo(first.header("from"));
        assertThat(second.header("via")).isNotEqualTo(first.header("via"));
        String auth = second.header("authorization");
        assertThat(auth).startsWith("Digest ").contains("username=\"trunk-user\"", "realm=\"trunk.test\"",
                "nonce=\"n0nce-1\"", "opaque=\"op4que\"", "uri=\"" + callee.uri("bob") + "\"").containsPattern("qop=\"?auth\"?");
        assertThat(param(auth, "nc")).isEqualTo("00000001");
        String cnonce = param(auth, "cnonce");
        assertThat(cnonce).hasSizeGreaterThanOrEqualTo(16);
        String ha1 = md5("trunk-user:trunk.test:s3cret pass");
        String ha2 = md5("INVITE:" + callee.uri("bob"));
        assertThat(param(auth, "response")).isEqualTo(md5(ha1 + ":n0nce-1:00000001:" + cnonce + ":auth:" + ha2));
        callee.reply(second, 180, "Ringing");
        // jain-sip may hand over a 200 sent right behind the 180 first, and a 180 after the 200 means nothing
        assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "state RINGBACK");
        callee.reply(second, 200, "OK", null, "application/sdp", ANSWER);
        assertThat(callee.request("ACK").header("cseq")).isEqualTo("2 ACK");
        assertThat(fx.events.next(id)).isEqualTo("state CONNECTED");
    }

    @Test
    void a407IsAnsweredWithProxyAuthorization_R30() throws Exception {
        fx.start(Map.of(SipSettings.AUTH_USERNAME, "trunk-user", SipSettings.AUTH_PASSWORD, "pw"));
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        SipPeer.Message first = callee.request("INVITE");
        callee.reply(first, 407, "Proxy Authentication Required",
                "Proxy-Authenticate: Digest realm=\"proxy.test\", nonce=\"p1\", algorithm=SHA-256, qop=\"auth\"\r\n", null, null);
        callee.request("ACK");
        SipPeer.Message second = callee.request("INVITE");
        String auth = second.header("proxy-authorization");
        assertThat(auth).contains("realm=\"proxy.test\"").containsPattern("algorithm=\"?SHA-256\"?");
        assertThat(second.header("authorization")).isNull();
        callee.reply(second, 486, "Busy Here");
        callee.request("ACK");
        assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "disconnected BUSY");
    }

    @Test
    void credentialsRefusedTwiceEndTheCallAsFailedAfterOneRetry_R30() throws Exception {
        fx.start(Map.of(SipSettings.AUTH_USERNAME, "trunk-user", SipSettings.AUTH_PASSWORD, "wrong"));
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        String challenge = "WWW-Authenticate: Digest realm=\"trunk.test\", nonce=\"n%d\", qop=\"auth\"\r\n";
        SipPeer.Message first = callee.request("INVITE");
        callee.reply(first, 401, "Unauthorized", challenge.formatted(1), null, null);
        callee.request("ACK");
        SipPeer.Message second = callee.request("INVITE");
        callee.reply(second, 401, "Unauthorized", challenge.formatted(2), null, null);
        callee.request("ACK");
        assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "disconnected UNKNOWN");
        assertThat(fx.outboundFailures()).contains("UNKNOWN (401 Unauthorized: the credentials of sipAuthUsername"
                + " 'trunk-user' were refused for realm 'trunk.test')");
        assertThat(callee.receivesWithin("INVITE", 300)).as("no third INVITE").isFalse();
    }

    @Test
    void aChallengeWithoutConfiguredCredentialsIsFailedNamingTheSetting_R30() throws Exception {
        fx.start(Map.of());
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), VOICE);
        SipPeer.Message first = callee.request("INVITE");
        callee.reply(first, 401, "Unauthorized", "WWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n", null, null);
        assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "disconnected UNKNOWN");
        assertThat(fx.outboundFailures()).contains("UNKNOWN (401 Unauthorized: the far end asks for credentials and"
                + " sipAuthUsername is not set)");
    }

    @Test
    void numbersGoToTheOutboundProxyWithALooseRoute_R30() throws Exception {
        SipCallee trunk = fx.callee();
        fx.start(Map.of(SipSettings.OUTBOUND_PROXY, "sip:127.0.0.1:" + trunk.port()));
        String id = fx.makeCall("sales", "1000", VOICE);
        SipPeer.Message invite = trunk.request("INVITE");
        assertThat(invite.firstLine()).isEqualTo("INVITE sip:1000@127.0.0.1:" + trunk.port() + " SIP/2.0");
        assertThat(invite.header("route")).isEqualTo("<sip:127.0.0.1:" + trunk.port() + ";lr;transport=udp>");
        trunk.reply(invite, 486, "Busy Here");
        trunk.request("ACK");
        assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "disconnected BUSY");
        String viaTrunk = fx.makeCall("sales", "sip:carol@example.invalid", VOICE);
        SipPeer.Message toCarol = trunk.request("INVITE");
        assertThat(toCarol.firstLine()).as("a full URI keeps its host; the route says where it goes first")
                .isEqualTo("INVITE sip:carol@example.invalid SIP/2.0");
        trunk.reply(toCarol, 404, "Not Found");
        assertThat(fx.events.take(2, viaTrunk)).containsExactly("state PROCEEDING", "disconnected UNREACHABLE");
    }

    @Test
    void withoutAnOutboundProxyANumberCannotBeCalled_R30() throws Exception {
        fx.start(Map.of());
        assertThatThrownBy(() -> fx.makeCall("sales", "1000", VOICE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1000'").hasMessageContaining("sipOutboundProxy");
    }

    @Test
    void wrongRequestsAreRefusedAtOnceNamingWhatIsWrong_R30() throws Exception {
        fx.start(Map.of());
        assertThatThrownBy(() -> fx.makeCall("nope", "sip:bob@127.0.0.1", VOICE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 'nope'");
        assertThatThrownBy(() -> fx.makeCall("sales", "sip:bob@127.0.0.1", MediaMode.DATAMODEM.bit()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x10");
        assertThatThrownBy(() -> fx.makeCall("sales", "sips:bob@127.0.0.1", VOICE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TLS");
        assertThatThrownBy(() -> fx.makeCall("sales", "mailto:bob", VOICE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'mailto:bob'");
        assertThat(fx.events.isEmpty()).isTrue();
    }

    static String param(String header, String name) {
        Matcher m = Pattern.compile("[ ,]" + name + "=(\"([^\"]*)\"|([^,\\s]*))").matcher(header);
        assertThat(m.find()).as(name + " in " + header).isTrue();
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static int mediaPort(String sdp) {
        Matcher m = Pattern.compile("m=audio (\\d+) ").matcher(sdp);
        assertThat(m.find()).as(sdp).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
