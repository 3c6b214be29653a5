package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Goertzel;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call's RTP as the caller hears it: what the provider's media engine sends to the address in
 * the caller's SDP, received and decoded on a loopback socket ({@link RtpPeer}).
 */
class CallMediaTest {
    static final String SDP = "application/sdp";
    /** One packet time, in nanoseconds: the tolerance of every timing check. */
    private static final long PACKET_TIME = 20_000_000L;

    private final ProviderFixture fx = new ProviderFixture();
    private final RtpPeer media;

    CallMediaTest() throws Exception {
        media = new RtpPeer();
    }

    @AfterEach
    void stop() throws Exception {
        media.close();
        fx.close();
    }

    /** INVITE with the RTP peer's offer, answered by an owner, ACKed; returns the provider's RTP port. */
    static int connect(ProviderFixture fx, SipPeer caller, String offer) throws Exception {
        caller.send("INVITE", "sales", SDP, offer);
        caller.response(180, "INVITE");
        assertThat(fx.events.next(caller.callId)).isEqualTo("newCall sales 0x4");
        fx.provider.answer(caller.callId);
        SipPeer.Message ok = caller.finalResponse("INVITE");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("state CONNECTED");
        caller.send("ACK", "sales", null, null);
        return portOf(ok.body());
    }

    static int portOf(String sdp) {
        Matcher m = Pattern.compile("m=audio (\\d+) ").matcher(sdp);
        assertThat(m.find()).as("an audio line in " + sdp).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void anAnsweredCallSendsSilencePacedAtTheOfferedPacketTimeAndNothingBeforeTheAnswer() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        caller.send("INVITE", "sales", SDP, media.offer());
        caller.response(180, "INVITE");
        assertThat(fx.events.next(caller.callId)).isEqualTo("newCall sales 0x4");
        assertThat(media.poll(200)).as("no RTP while the call rings").isNull();

        fx.provider.answer(caller.callId);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        List<RtpPeer.Packet> packets = media.take(50);

        RtpPeer.Packet first = packets.get(0);
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < packets.size(); i++) {
            earliest = Math.min(earliest, packets.get(i).arrivalNanos() - i * PACKET_TIME);
        }
        for (int i = 0; i < packets.size(); i++) {
            RtpPeer.Packet p = packets.get(i);
            assertThat(p.payloadType()).as("PCMU, the caller's first codec").isZero();
            assertThat(p.payload()).hasSize(160);
            assertThat(Goertzel.silent(p.samples(G711.ULAW), 0, 160)).as("silence").isTrue();
            assertThat(p.ssrc()).isEqualTo(first.ssrc());
            assertThat(p.sequence()).isEqualTo((first.sequence() + i) & 0xFFFF);
            assertThat(p.timestamp()).isEqualTo((first.timestamp() + 160L * i) & 0xFFFFFFFFL);
            long late = p.arrivalNanos() - i * PACKET_TIME - earliest;
            assertThat(late).as("packet %d arrives at its packet time (a fixed rate from the first), within one"
                    + " packet time", i).isLessThan(PACKET_TIME);
        }
    }

    @Test
    void theFarEndsHoldStopsWhatIsSentAndItsResumeSendsAgainWhereItSays() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(fx, caller, media.offer("8 0 101", "sendrecv"));
        assertThat(media.next(1000).payloadType()).as("PCMA, the caller's first").isEqualTo(8);

        caller.send("INVITE", "sales", SDP, media.offer("8 0 101", "sendonly"));
        assertThat(caller.finalResponse("INVITE").body()).contains("a=recvonly");
        caller.send("ACK", "sales", null, null);
        media.during(100); // what was on its way before the hold
        assertThat(media.during(200)).as("nothing while held").isEmpty();

        try (RtpPeer moved = new RtpPeer()) {
            caller.send("INVITE", "sales", SDP, moved.offer("0 8 101", "sendrecv"));
            assertThat(caller.finalResponse("INVITE").body()).contains("a=sendrecv").contains("RTP/AVP 8 101");
            caller.send("ACK", "sales", null, null);
            assertThat(moved.next(1000).payloadType()).as("resumed at the new port, still PCMA").isEqualTo(8);
        }
    }
}
