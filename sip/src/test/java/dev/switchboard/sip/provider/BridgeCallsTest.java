package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.MediaMode;
import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Goertzel;
import dev.switchboard.sip.media.RtpFormatException;
import dev.switchboard.sip.media.TelephoneEventDecoder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two SIP calls bridged (R31): what one caller sends reaches the other, decoded on their own RTP
 * sockets, across µ-law and A-law, with RFC 4733 digits passed through.
 */
class BridgeCallsTest {
    private final ProviderFixture fx = new ProviderFixture();
    private final RtpPeer mediaA;
    private final RtpPeer mediaB;

    BridgeCallsTest() throws Exception {
        mediaA = new RtpPeer();
        mediaB = new RtpPeer();
    }

    @AfterEach
    void stop() throws Exception {
        mediaA.close();
        mediaB.close();
        fx.close();
    }

    @Test
    void audioOfEachCallerReachesTheOtherInItsCodecAndDigitsPassThrough_R31() throws Exception {
        fx.start(Map.of());
        SipPeer a = fx.caller();
        SipPeer b = fx.caller();
        int portA = CallMediaTest.connect(fx, a, mediaA.offer("0 101", "sendrecv"));  // PCMU
        int portB = CallMediaTest.connect(fx, b, mediaB.offer("8 101", "sendrecv"));  // PCMA

        fx.provider.bridge("bridge-1", a.callId, b.callId);

        mediaA.sendAudio(portA, CallMediaTest.sine(440, 400), 1);
        RtpPeer.Packet atB = mediaB.until(p -> p.payloadType() == 8
                && Goertzel.share(p.samples(G711.ALAW), 440) > 0.9, 3000, "A's 440 Hz at B, in PCMA");
        assertThat(atB.payload()).hasSize(160);

        byte[] pcma = new byte[160];
        G711.ALAW.encode(CallMediaTest.sine(880, 20), 0, pcma, 0, 160);
        for (int i = 0; i < 20; i++) {
            mediaB.send(portB, RtpPeer.packet(8, 100 + i, 160L * i, pcma));
        }
        mediaA.until(p -> p.payloadType() == 0 && Goertzel.share(p.samples(G711.ULAW), 880) > 0.9, 3000,
                "B's 880 Hz at A, in PCMU");

        for (int i = 0; i < 4; i++) { // digit 7: three updates and the end
            mediaA.send(portA, RtpPeer.packet(101, 200 + i, 9000, new byte[] {7, (byte) (i == 3 ? 0x8a : 0x0a), 0,
                    (byte) (80 * (i + 1))}));
        }
        TelephoneEventDecoder decoder = new TelephoneEventDecoder(101);
        StringBuilder digits = new StringBuilder();
        mediaB.until(p -> {
            try {
                decoder.accept(p.datagram(), 0, p.datagram().length).ifPresent(digits::append);
            } catch (RtpFormatException e) {
                throw new AssertionError(e);
            }
            return digits.length() > 0;
        }, 3000, "A's digit at B");
        assertThat(digits).hasToString("7");
        assertThat(fx.events.next(a.callId)).as("A's digit is still A's event (R18)").isEqualTo("digit 7");
        fx.sync(a);
        assertThat(fx.events.isEmpty()).as("a working bridge reports nothing").isTrue();
    }

    @Test
    void afterUnbridgeEachCallerHearsItsOwnSilenceAgainAndNothingIsReported_R31() throws Exception {
        fx.start(Map.of());
        SipPeer a = fx.caller();
        SipPeer b = fx.caller();
        int portA = CallMediaTest.connect(fx, a, mediaA.offer());
        CallMediaTest.connect(fx, b, mediaB.offer());
        fx.provider.bridge("bridge-1", a.callId, b.callId);
        mediaA.sendAudio(portA, CallMediaTest.sine(440, 200), 1);
        mediaB.until(p -> Goertzel.share(p.samples(G711.ULAW), 440) > 0.9, 3000, "A's audio at B while bridged");

        fx.provider.unbridge("bridge-1");
        fx.provider.unbridge("bridge-1"); // twice: ignored
        mediaB.during(100); // what was relayed before the unbridge
        mediaA.sendAudio(portA, CallMediaTest.sine(440, 400), 50);

        assertThat(mediaB.during(300)).as("B hears its own silence, not A").isNotEmpty()
                .allMatch(p -> Goertzel.silent(p.samples(G711.ULAW), 0, 160));
        fx.sync(a);
        assertThat(fx.events.isEmpty()).isTrue();
    }

    @Test
    void aHangUpOfOneLegEndsTheBridgeWithoutAFailureAndTheOtherGoesOn_R31() throws Exception {
        fx.start(Map.of());
        SipPeer a = fx.caller();
        SipPeer b = fx.caller();
        CallMediaTest.connect(fx, a, mediaA.offer());
        CallMediaTest.connect(fx, b, mediaB.offer());
        fx.provider.bridge("bridge-1", a.callId, b.callId);

        b.send("BYE", "sales", null, null);
        assertThat(b.finalResponse("BYE").status()).isEqualTo(200);

        assertThat(fx.events.next(b.callId)).isEqualTo("hangup");
        mediaA.until(p -> Goertzel.silent(p.samples(G711.ULAW), 0, 160), 1000, "A's own silence");
        fx.sync(a);
        assertThat(fx.events.isEmpty()).as("the call's end ends the bridge in the core: no bridge failure").isTrue();
    }

    @Test
    void aSwitchToT38BreaksTheBridgeAndSaysSo_R31_R33() throws Exception {
        fx.start(Map.of());
        SipPeer a = fx.caller();
        SipPeer b = fx.caller();
        CallMediaTest.connect(fx, a, mediaA.offer());
        CallMediaTest.connect(fx, b, mediaB.offer());
        fx.provider.bridge("bridge-1", a.callId, b.callId);

        b.send("INVITE", "sales", CallMediaTest.SDP, SipLineProviderTest.T38_OFFER);
        assertThat(fx.events.next(b.callId)).isEqualTo("media G3FAX");
        fx.provider.mediaModeChanged(b.callId, MediaMode.G3FAX.bit());
        assertThat(b.finalResponse("INVITE").status()).isEqualTo(200);

        assertThat(fx.events.next("bridge-1")).startsWith("bridge failed call " + b.callId + " switched to T.38");
    }

    @Test
    void aCallWithoutAudioCannotBeBridged_R31() throws Exception {
        fx.start(Map.of());
        SipPeer a = fx.caller();
        SipPeer b = fx.caller();
        CallMediaTest.connect(fx, a, mediaA.offer());
        b.send("INVITE", "sales", CallMediaTest.SDP, mediaB.offer());
        assertThat(fx.events.next(b.callId)).isEqualTo("newCall sales 0x4");

        assertThatThrownBy(() -> fx.provider.bridge("bridge-1", a.callId, b.callId))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(b.callId).hasMessageContaining("no audio");
        assertThatThrownBy(() -> fx.provider.bridge("bridge-2", a.callId, "gone"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no call gone");
    }
}
