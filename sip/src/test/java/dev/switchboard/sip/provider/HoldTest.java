package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.MediaMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hold and resume by the other side: re-INVITEs with sendonly, inactive and sendrecv are answered
 * with the mirrored direction, on the call's own port and codec, and the call keeps everything
 * else: its media mode, its digit detection, and (for the core) its state and owners, since
 * nothing at all is reported for them.
 */
class HoldTest {
    private static final String SDP = "application/sdp";

    private final ProviderFixture fx = new ProviderFixture();
    private int version = 1;

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    /** The caller's offer, PCMA listed first this time (a phone may reorder), in {@code direction}. */
    private String reoffer(String direction) {
        return SipLineProviderTest.AUDIO_OFFER.replace("o=caller 1 1", "o=caller 1 " + (++version))
                .replace("m=audio 7000 RTP/AVP 0 8 101", "m=audio 7000 RTP/AVP 8 0 101")
                .replace("a=sendrecv", "a=" + direction);
    }

    private SipPeer.Message reinvite(SipPeer caller, String body) throws Exception {
        caller.send("INVITE", "sales", SDP, body);
        SipPeer.Message ok = caller.finalResponse("INVITE");
        assertThat(ok.status()).isEqualTo(200);
        caller.send("ACK", "sales", null, null);
        return ok;
    }

    private static String audioLine(String sdp) {
        Matcher m = Pattern.compile("m=audio [^\r\n]*").matcher(sdp);
        assertThat(m.find()).as(sdp).isTrue();
        return m.group();
    }

    @Test
    void holdAndResumeAreMirroredOnTheSamePortAndCodecAndNothingElseChanges() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        caller.send("INVITE", "sales", SDP, SipLineProviderTest.AUDIO_OFFER);
        assertThat(fx.events.next(caller.callId)).isEqualTo("newCall sales 0x4");
        fx.provider.answer(caller.callId);
        SipPeer.Message answered = caller.finalResponse("INVITE");
        caller.send("ACK", "sales", null, null);
        assertThat(fx.events.next(caller.callId)).isEqualTo("state CONNECTED");
        String media = audioLine(answered.body());
        assertThat(media).endsWith("RTP/AVP 0 101"); // PCMU, the caller's first

        SipPeer.Message held = reinvite(caller, reoffer("sendonly"));
        assertThat(audioLine(held.body())).as("same port, same codec").isEqualTo(media);
        assertThat(held.body()).contains("a=recvonly").contains("a=rtpmap:0 PCMU/8000");
        SipPeer.Message inactive = reinvite(caller, reoffer("inactive"));
        assertThat(audioLine(inactive.body())).isEqualTo(media);
        assertThat(inactive.body()).contains("a=inactive");
        SipPeer.Message resumed = reinvite(caller, reoffer("sendrecv"));
        assertThat(audioLine(resumed.body())).isEqualTo(media);
        assertThat(resumed.body()).contains("a=sendrecv");
        assertThat(held.body()).as("each answer a new o= version").doesNotContain(
                resumed.body().lines().filter(l -> l.startsWith("o=")).findFirst().orElseThrow());
        assertThat(fx.events.isEmpty()).as("hold and resume tell the core nothing").isTrue();

        // the media reader never stopped: an RFC 4733 digit after the resume is reported
        int port = Integer.parseInt(media.split(" ")[1]);
        for (int i = 0; i < 4; i++) {
            caller.sendMedia(port, SipLineProviderTest.rtp(101, 50 + i, 9000, new byte[] {8, (byte) (i == 3 ? 0x8a : 0x0a), 0, (byte) (80 * (i + 1))}));
        }
        assertThat(fx.events.next(caller.callId)).isEqualTo("digit 8");
    }

    @Test
    void aFaxCallOnHoldStaysAFaxCall() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        caller.send("INVITE", "fax-in", SDP, SipLineProviderTest.AUDIO_OFFER);
        assertThat(fx.events.next(caller.callId)).isEqualTo("newCall fax-in 0x4");
        fx.provider.answer(caller.callId);
        caller.finalResponse("INVITE");
        caller.send("ACK", "fax-in", null, null);
        assertThat(fx.events.next(caller.callId)).isEqualTo("state CONNECTED");
        fx.provider.mediaModeChanged(caller.callId, MediaMode.G3FAX.bit()); // an owner made it a fax call (R16)

        caller.send("INVITE", "fax-in", SDP, reoffer("sendonly"));
        assertThat(caller.finalResponse("INVITE").body()).contains("a=recvonly");
        caller.send("ACK", "fax-in", null, null);
        caller.send("INVITE", "fax-in", SDP, reoffer("sendrecv"));
        assertThat(caller.finalResponse("INVITE").body()).contains("a=sendrecv");
        caller.send("ACK", "fax-in", null, null);
        // the mode set before the hold still holds: the T.38 re-INVITE is answered at once
        caller.send("INVITE", "fax-in", SDP, SipLineProviderTest.T38_OFFER.replace("o=caller 1 2", "o=caller 1 9"));
        SipPeer.Message t38 = caller.finalResponse("INVITE");
        assertThat(t38.status()).isEqualTo(200);
        assertThat(t38.body()).containsPattern("m=image \\d+ udptl t38");
        assertThat(fx.events.next(caller.callId)).isEqualTo("media G3FAX");
    }

    @Test
    void aCallThisSidePlacedCanBeHeldByTheFarEndAndStillBeTransferred_R29_R30() throws Exception {
        fx.start(Map.of());
        SipCallee callee = fx.callee();
        String id = fx.makeCall("sales", callee.uri("bob"), MediaMode.INTERACTIVEVOICE.bit());
        SipPeer.Message invite = callee.request("INVITE");
        callee.reply(invite, 200, "OK", null, SDP, OutboundCallTest.ANSWER);
        callee.request("ACK");
        assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "state CONNECTED");
        String hold = OutboundCallTest.ANSWER.replace("o=callee 1 1", "o=callee 1 2")
                .replace("m=audio 7010 RTP/AVP 8 101", "m=audio 7010 RTP/AVP 0 8 101").replace("a=sendrecv", "a=sendonly")
                + "a=rtpmap:0 PCMU/8000\r\n";
        String reinvite = "INVITE " + contactOf(invite) + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + callee.port() + ";branch=z9hG4bK-hold-1\r\n"
                + "From: " + invite.header("to") + ";tag=" + callee.tag + "\r\n"
                + "To: " + invite.header("from") + "\r\n"
                + "Call-ID: " + invite.header("call-id") + "\r\nCSeq: 7 INVITE\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:callee@127.0.0.1:" + callee.port() + ">\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + hold.length() + "\r\n\r\n" + hold;
        callee.send(reinvite);
        SipPeer.Message ok = callee.response(200, "INVITE");
        assertThat(audioLine(ok.body())).as("the answered codec, PCMA, is kept").endsWith("RTP/AVP 8 101");
        assertThat(ok.body()).contains("a=recvonly");
        String op = fx.blindTransfer(id, "sip:agent@127.0.0.1:5999");
        SipPeer.Message refer = callee.request("REFER");
        assertThat(refer.header("refer-to")).isEqualTo("<sip:agent@127.0.0.1:5999>");
        callee.reply(refer, 603, "Decline");
        assertThat(fx.events.next(id)).isEqualTo("transfer " + op + " failed REFER answered 603 Decline");
    }

    private static String contactOf(SipPeer.Message m) {
        String c = m.header("contact");
        return c.substring(c.indexOf('<') + 1, c.indexOf('>'));
    }
}
