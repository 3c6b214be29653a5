package dev.switchboard.sip.rtp;

import static dev.switchboard.sip.rtp.TestStreams.PEER;
import static dev.switchboard.sip.rtp.TestStreams.packetTimes;
import static dev.switchboard.sip.rtp.TestStreams.receive;
import static dev.switchboard.sip.rtp.TestStreams.stream;
import static dev.switchboard.sip.rtp.TestStreams.tonePackets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Goertzel;
import dev.switchboard.sip.media.RtpFormatException;
import dev.switchboard.sip.media.RtpPacket;
import dev.switchboard.sip.media.TelephoneEventDecoder;
import dev.switchboard.sip.media.Tone;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two streams joined both ways (R31). */
class BridgeTest {

    private final SentPackets toA = new SentPackets();
    private final SentPackets toB = new SentPackets();
    private final Completions done = new Completions();
    /** Leg a is µ-law with events on 101; leg b A-law with events on 96. */
    private final RtpStream a = stream(G711.ULAW, toA);
    private final RtpStream b = stream(StreamSettings.of(G711.ALAW).withRemote(PEER).withTelephoneEvents(96), toB);

    @Test
    void audioIsRelayedBothWaysTranscodedBetweenTheLaws_R31() {
        Bridge.join(a, b, done);

        tonePackets(Tone.of(0, 1000), G711.ULAW, 0, 10, 1, 0).forEach(p -> receive(a, p));
        tonePackets(Tone.of(0, 1800), G711.ALAW, 8, 10, 1, 0).forEach(p -> receive(b, p));

        assertThat(toB.packets()).hasSize(10).allMatch(p -> p.payloadType() == 8);
        assertThat(toA.packets()).hasSize(10).allMatch(p -> p.payloadType() == 0);
        assertThat(Goertzel.share(toB.decoded(G711.ALAW, 8), 1000)).isGreaterThan(0.99);
        assertThat(Goertzel.share(toA.decoded(G711.ULAW, 0), 1800)).isGreaterThan(0.99);
        assertThat(done.endings()).isEmpty();
    }

    @Test
    void relayedPacketsKeepTheirSpacingUnderTheLegsOwnSsrcAndSequence_R31() {
        packetTimes(b, 2);
        Bridge.join(a, b, done);

        tonePackets(Tone.of(0, 1000), G711.ULAW, 0, 3, 500, 90_000).forEach(p -> receive(a, p));

        List<RtpPacket> p = toB.packets();
        assertThat(p).extracting(RtpPacket::ssrc).containsOnly(p.get(0).ssrc());
        assertThat(p).extracting(RtpPacket::marker).containsExactly(true, false, true, false, false);
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.get(i).sequenceNumber()).isEqualTo((p.get(i - 1).sequenceNumber() + 1) & 0xFFFF);
        }
        assertThat(p.get(3).timestamp() - p.get(2).timestamp()).isEqualTo(160);
        assertThat(p.get(2).timestamp()).isEqualTo((p.get(1).timestamp() + 160) & 0xFFFFFFFFL);
    }

    @Test
    void digitsPassThroughWithTheOtherLegsPayloadType_R31() throws RtpFormatException {
        Bridge.join(a, b, done);
        SentPackets fromPhone = new SentPackets();
        RtpStream phone = stream(G711.ULAW, fromPhone);
        phone.generateDigits("42", 60, c -> { });
        packetTimes(phone, 20);

        fromPhone.packets().forEach(p -> receive(a, bytes(p)));

        List<RtpPacket> events = SentPackets.ofType(toB.packets(), 96);
        assertThat(events).isNotEmpty();
        TelephoneEventDecoder decoder = new TelephoneEventDecoder(96);
        StringBuilder digits = new StringBuilder();
        for (RtpPacket p : toB.packets()) {
            decoder.accept(p).ifPresent(digits::append);
        }
        assertThat(digits).hasToString("42");
    }

    @Test
    void digitsAreDroppedForALegWithoutTelephoneEvents_R31() {
        RtpStream plain = stream(StreamSettings.of(G711.ALAW).withRemote(PEER).withTelephoneEvents(-1), toB);
        Bridge.join(a, plain, done);

        receive(a, TestStreams.packet(101, true, 1, 1, 7, new byte[] {5, 10, 0, (byte) 160}));

        assertThat(toB.size()).isZero();
    }

    /** While relayed audio arrives the leg sends no silence of its own; three packet times later it does. */
    @Test
    void ownSilenceStopsWhileRelayedAudioFlowsAndResumesAfter_R31() {
        Bridge.join(a, b, done);
        List<byte[]> tone = tonePackets(Tone.of(0, 1000), G711.ULAW, 0, 5, 1, 0);
        for (byte[] p : tone) {
            receive(a, p);
            packetTimes(b, 1);
        }
        assertThat(toB.size()).isEqualTo(5);

        packetTimes(b, 3);
        assertThat(toB.size()).isEqualTo(5);
        packetTimes(b, 1);

        assertThat(toB.size()).isEqualTo(6);
        assertThat(toB.last().payload()).containsOnly(G711.ALAW.silence());
        assertThat(toB.last().marker()).isFalse();
    }

    @Test
    void aPromptOnABridgedLegWinsOverTheRelay() {
        Bridge.join(a, b, done);
        Completions played = new Completions();
        b.generateTone(Tone.of(100, 2500), played);

        for (byte[] p : tonePackets(Tone.of(0, 1000), G711.ULAW, 0, 5, 1, 0)) {
            receive(a, p);
            packetTimes(b, 1);
        }

        assertThat(toB.size()).isEqualTo(5);
        assertThat(Goertzel.share(toB.decoded(G711.ALAW, 8), 2500)).isGreaterThan(0.99);
        assertThat(played.endings()).isEmpty();
    }

    @Test
    void unbridgingEndsTheBridgeOnceAndEachLegGoesBackToSilence_R31() {
        Bridge bridge = Bridge.join(a, b, done);

        assertThat(bridge.unbridge()).isTrue();
        assertThat(bridge.unbridge()).isFalse();
        tonePackets(Tone.of(0, 1000), G711.ULAW, 0, 3, 1, 0).forEach(p -> receive(a, p));
        packetTimes(b, 1);

        assertThat(done.endings()).containsExactly(Ending.STOPPED);
        assertThat(toB.packets()).singleElement().satisfies(p -> assertThat(p.payload())
                .containsOnly(G711.ALAW.silence()));
        Bridge.join(a, b, c -> { }); // both are free again
    }

    @Test
    void eitherCallEndingEndsTheBridgeAndTheOtherStaysUp_R31() {
        Bridge.join(a, b, done);

        b.close();
        packetTimes(a, 1);

        assertThat(done.endings()).containsExactly(Ending.CALL_GONE);
        assertThat(a.isClosed()).isFalse();
        assertThat(toA.size()).isEqualTo(1);
    }

    @Test
    void aStreamIsInOneBridgeAtATime_R31() {
        RtpStream c = stream(G711.ULAW, new SentPackets());
        Bridge.join(a, b, done);

        assertThatThrownBy(() -> Bridge.join(c, b, done)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already bridged");
        assertThatThrownBy(() -> Bridge.join(a, a, done)).hasMessageContaining("itself");
        Bridge.join(c, stream(G711.ULAW, new SentPackets()), done); // c was left free
    }

    @Test
    void bridgingAClosedStreamEndsAtOnceAsCallGone_R31() {
        b.close();

        Bridge.join(a, b, done);

        assertThat(done.endings()).containsExactly(Ending.CALL_GONE);
    }

    private static byte[] bytes(RtpPacket p) {
        return java.util.Arrays.copyOf(p.buffer(), p.payloadOffset() + p.payloadLength());
    }
}
