package dev.switchboard.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sip.MediaFiles;
import dev.switchboard.sip.pcap.PcapReader;
import dev.switchboard.sip.pcap.UdpDatagram;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelephoneEventDecoderTest {

    private final TelephoneEventDecoder decoder = new TelephoneEventDecoder(101);
    private int sequence = 1000;

    /** A key press as senders send it: the start three times, updates every 20 ms, the end three times. */
    private List<byte[]> press(long timestamp, int event, int updates) {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            packets.add(Rtp.dtmf(sequence++, timestamp, event, false, 0));
        }
        for (int i = 1; i <= updates; i++) {
            packets.add(Rtp.dtmf(sequence++, timestamp, event, false, 160 * i));
        }
        int end = sequence++;
        for (int i = 0; i < 3; i++) {
            packets.add(Rtp.dtmf(end, timestamp, event, true, 160 * (updates + 1)));
        }
        return packets;
    }

    private String decode(List<byte[]> packets) throws RtpFormatException {
        StringBuilder digits = new StringBuilder();
        for (byte[] p : packets) {
            decoder.accept(p, 0, p.length).ifPresent(digits::append);
        }
        return digits.toString();
    }

    @Test
    void repeatedStartAndEndPacketsGiveEachDigitOnceInOrder() throws Exception {
        List<byte[]> packets = new ArrayList<>();
        packets.addAll(press(8000, 1, 5));
        packets.addAll(press(16000, 2, 5));
        packets.addAll(press(24000, 11, 5));
        packets.addAll(press(32000, 10, 5));

        assertThat(decode(packets)).isEqualTo("12#*");
    }

    @Test
    void twoPressesOfTheSameKeyAreTwoDigits() throws Exception {
        List<byte[]> packets = new ArrayList<>(press(8000, 5, 4));
        packets.addAll(press(8000 + 1600, 5, 4));

        assertThat(decode(packets)).isEqualTo("55");
    }

    @Test
    void aDigitIsReportedOnItsFirstPacket() throws Exception {
        List<byte[]> packets = press(8000, 7, 3);

        assertThat(decoder.accept(packets.get(0), 0, packets.get(0).length)).contains('7');
        assertThat(decode(packets.subList(1, packets.size()))).isEmpty();
    }

    @Test
    void aPressWhoseStartPacketsWereLostIsStillReportedOnce() throws Exception {
        List<byte[]> packets = press(8000, 9, 3);

        assertThat(decode(packets.subList(5, packets.size()))).isEqualTo("9");
    }

    @Test
    void aLatePacketOfAnEarlierPressIsIgnored() throws Exception {
        List<byte[]> first = press(8000, 3, 3);
        List<byte[]> second = press(9600, 4, 3);
        List<byte[]> packets = new ArrayList<>(first);
        packets.addAll(second);
        packets.add(first.get(first.size() - 1)); // a retransmitted end of the "3" arriving late

        assertThat(decode(packets)).isEqualTo("34");
    }

    @Test
    void otherPayloadTypesAndNonDtmfEventsGiveNoDigit() throws Exception {
        byte[] audio = Rtp.packet(0, false, 1, 8000, Rtp.SSRC, Rtp.event(5, false, 10, 160));
        byte[] flash = Rtp.dtmf(2, 8000, 16, false, 160);
        byte[] cng = Rtp.dtmf(3, 9600, 36, true, 800);

        assertThat(decoder.accept(audio, 0, audio.length)).isEmpty();
        assertThat(decoder.accept(flash, 0, flash.length)).isEmpty();
        assertThat(decoder.accept(cng, 0, cng.length)).isEmpty();
        assertThat(decode(press(11200, 0, 2))).isEqualTo("0");
    }

    @Test
    void anEventLongerThanTheDurationFieldIsOneDigit() throws Exception {
        long start = 8000;
        List<byte[]> packets = List.of(
                Rtp.dtmf(1, start, 8, false, 0),
                Rtp.dtmf(2, start, 8, false, 0xFFFF),
                Rtp.dtmf(3, start + 0xFFFF, 8, false, 160),  // the next segment, new timestamp
                Rtp.dtmf(4, start + 0xFFFF, 8, true, 320));

        assertThat(decode(packets)).isEqualTo("8");
    }

    @Test
    void timestampsWrapAndAnewStreamStartsAfresh() throws Exception {
        List<byte[]> packets = new ArrayList<>(press(0xFFFFFF00L, 1, 2));
        packets.addAll(press(0x00000100L, 2, 2));
        byte[] otherStream = Rtp.packet(101, true, 1, 0x00000100L, 0x99L, Rtp.event(2, false, 10, 0));
        packets.add(otherStream);

        assertThat(decode(packets)).isEqualTo("122");
    }

    @Test
    void aShortTelephoneEventPayloadIsRefused() {
        byte[] shortEvent = Rtp.packet(101, false, 1, 8000, Rtp.SSRC, new byte[] {1, 0});

        assertThatThrownBy(() -> decoder.accept(shortEvent, 0, shortEvent.length))
                .isInstanceOf(RtpFormatException.class)
                .hasMessage("telephone-event payload of 2 bytes is shorter than 4");
        assertThatThrownBy(() -> new TelephoneEventDecoder(128)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventCodesMapToTheSixteenDigits() {
        StringBuilder digits = new StringBuilder();
        for (int event = 0; event < 16; event++) {
            digits.append(DtmfDigits.fromEvent(event));
            assertThat(DtmfDigits.toEvent(DtmfDigits.fromEvent(event))).isEqualTo(event);
        }
        assertThat(digits).hasToString("0123456789*#ABCD");
        assertThat(DtmfDigits.toEvent('b')).isEqualTo(13);
        assertThat(DtmfDigits.toEvent('E')).isEqualTo(-1);
        assertThatThrownBy(() -> DtmfDigits.fromEvent(16)).hasMessageContaining("event 16 is not a DTMF digit");
    }

    /** SIPp's captures: 7 updates, then the end packet three times, all under one timestamp. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"dtmf_2833_0.pcap,0", "dtmf_2833_1.pcap,1", "dtmf_2833_2.pcap,2", "dtmf_2833_3.pcap,3",
            "dtmf_2833_4.pcap,4", "dtmf_2833_5.pcap,5", "dtmf_2833_6.pcap,6", "dtmf_2833_7.pcap,7",
            "dtmf_2833_8.pcap,8", "dtmf_2833_9.pcap,9", "dtmf_2833_star.pcap,*", "dtmf_2833_pound.pcap,#"})
    void sipTesterCapturesGiveTheirDigitOnce(String file, char digit) throws Exception {
        List<UdpDatagram> datagrams = PcapReader.readUdp(MediaFiles.sipTester(file));
        List<Character> digits = new ArrayList<>();

        for (UdpDatagram d : datagrams) {
            Optional<Character> found = decoder.accept(d.payload(), 0, d.payload().length);
            found.ifPresent(digits::add);
        }

        assertThat(datagrams).hasSize(10);
        assertThat(digits).containsExactly(digit);
    }
}
