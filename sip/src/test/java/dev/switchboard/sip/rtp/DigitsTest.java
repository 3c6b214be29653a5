package dev.switchboard.sip.rtp;

import static dev.switchboard.sip.rtp.TestStreams.PEER;
import static dev.switchboard.sip.rtp.TestStreams.packetTimes;
import static dev.switchboard.sip.rtp.TestStreams.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Goertzel;
import dev.switchboard.sip.media.RtpFormatException;
import dev.switchboard.sip.media.RtpPacket;
import dev.switchboard.sip.media.TelephoneEvent;
import dev.switchboard.sip.media.TelephoneEventDecoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digits out: RFC 4733 events when the peer offered them, DTMF tones when it did not. */
class DigitsTest {

    private final SentPackets sink = new SentPackets();
    private final Completions done = new Completions();

    @Test
    void digitsRoundTripThroughTheTelephoneEventDecoder() throws RtpFormatException {
        RtpStream s = stream(G711.ULAW, sink);
        s.generateDigits("19#*A", 100, done);

        packetTimes(s, 100);

        TelephoneEventDecoder decoder = new TelephoneEventDecoder(101);
        StringBuilder heard = new StringBuilder();
        for (RtpPacket p : sink.packets()) {
            decoder.accept(p).ifPresent(heard::append);
        }
        assertThat(heard).hasToString("19#*A");
        assertThat(done.endings()).containsExactly(Ending.FINISHED);
    }

    /** 100 ms at 20 ms: five packets of growing duration, three end packets, five of silence, next digit. */
    @Test
    void eachEventIsStartUpdatesAndThreeEndsAtOneTimestampThenTheGap() throws RtpFormatException {
        RtpStream s = stream(StreamSettings.of(G711.ULAW).withRemote(PEER).withTelephoneEvents(96), sink);
        packetTimes(s, 1);
        s.generateDigits("57", 100, done);

        packetTimes(s, 25);

        List<RtpPacket> p = sink.packets();
        long start = p.get(0).timestamp() + 160;
        for (int i = 1; i <= 8; i++) {
            RtpPacket e = p.get(i);
            TelephoneEvent event = TelephoneEvent.parse(e);
            assertThat(e.payloadType()).isEqualTo(96);
            assertThat(e.timestamp()).isEqualTo(start);
            assertThat(e.marker()).isEqualTo(i == 1);
            assertThat(event.event()).isEqualTo(5);
            assertThat(event.duration()).isEqualTo(Math.min(i, 5) * 160);
            assertThat(event.end()).isEqualTo(i > 5);
            assertThat(e.sequenceNumber()).isEqualTo((p.get(i - 1).sequenceNumber() + 1) & 0xFFFF);
        }
        for (int i = 9; i <= 13; i++) {
            assertThat(p.get(i).payloadType()).isZero();
            assertThat(p.get(i).timestamp()).isEqualTo(start + 160L * (i - 1));
        }
        assertThat(p.get(14).marker()).isTrue();
        assertThat(p.get(14).timestamp()).isEqualTo(start + 160L * 13);
        assertThat(TelephoneEvent.parse(p.get(14)).event()).isEqualTo(7);
        assertThat(p.get(22).payloadType()).isZero(); // after the last digit's ends: silence, no gap needed
        assertThat(done.endings()).containsExactly(Ending.FINISHED);
    }

    @Test
    void withoutTelephoneEventsDigitsAreSentAsDtmfTones() {
        RtpStream s = stream(StreamSettings.of(G711.ULAW).withRemote(PEER).withTelephoneEvents(-1), sink);

        s.generateDigits("5#", 100, done);
        packetTimes(s, 20);

        short[] audio = sink.decoded(G711.ULAW, 0);
        assertThat(Goertzel.share(audio, 0, 800, 770)).isGreaterThan(0.45);
        assertThat(Goertzel.share(audio, 0, 800, 1336)).isGreaterThan(0.45);
        assertThat(Goertzel.levelDbm0(audio, 800, 800)).isLessThan(-60);
        assertThat(Goertzel.share(audio, 1600, 800, 941)).isGreaterThan(0.45);
        assertThat(Goertzel.share(audio, 1600, 800, 1477)).isGreaterThan(0.45);
        assertThat(done.endings()).containsExactly(Ending.FINISHED);
    }

    @Test
    void whatCannotBeSentIsRefusedBeforeAnythingStops() {
        RtpStream s = stream(G711.ULAW, sink);
        Completions running = new Completions();
        s.generateTone(dev.switchboard.sip.media.Tone.BUSY, running);

        assertThatThrownBy(() -> s.generateDigits("12x", 100, done)).hasMessageContaining("'x'");
        assertThatThrownBy(() -> s.generateDigits("", 100, done)).hasMessageContaining("no digits");
        assertThatThrownBy(() -> s.generateDigits("1", 10, done)).hasMessageContaining("10 ms");

        assertThat(running.endings()).isEmpty();
    }
}
