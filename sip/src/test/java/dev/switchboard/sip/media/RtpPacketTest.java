package dev.switchboard.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void headerFieldsAreReadAsUnsigned() throws Exception {
        byte[] data = Rtp.packet(127, true, 0xFFFF, 0xFFFFFFFFL, 0xFEDCBA98L, new byte[] {1, 2, 3});

        RtpPacket p = RtpPacket.parse(data);

        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(127);
        assertThat(p.sequenceNumber()).isEqualTo(0xFFFF);
        assertThat(p.timestamp()).isEqualTo(0xFFFFFFFFL);
        assertThat(p.ssrc()).isEqualTo(0xFEDCBA98L);
        assertThat(p.csrcCount()).isZero();
        assertThat(p.payloadOffset()).isEqualTo(12);
        assertThat(p.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void csrcsExtensionAndPaddingAreSteppedOverInsideALargerBuffer() throws Exception {
        byte[] packet = Rtp.packet(0, false, 7, 160, Rtp.SSRC, new byte[] {
                0, 0, 0, 1, 0, 0, 0, 2,               // two CSRCs
                (byte) 0xBE, (byte) 0xDE, 0, 1, 9, 9, 9, 9, // extension header, one word
                42, 43,                                // payload
                0, 0, 3});                             // three bytes of padding
        packet[0] = (byte) (0x80 | 0x20 | 0x10 | 2);   // padding, extension, CC = 2
        byte[] buffer = new byte[packet.length + 10];
        System.arraycopy(packet, 0, buffer, 5, packet.length);

        RtpPacket p = RtpPacket.parse(buffer, 5, packet.length);

        assertThat(p.csrcCount()).isEqualTo(2);
        assertThat(p.payloadOffset()).isEqualTo(5 + 12 + 8 + 8);
        assertThat(p.payload()).containsExactly(42, 43);
        assertThat(p.sequenceNumber()).isEqualTo(7);
    }

    @Test
    void malformedPacketsAreRefusedWithTheReason() {
        byte[] ok = Rtp.packet(0, false, 1, 1, 1, new byte[4]);

        assertRefused(Arrays.copyOf(ok, 11), "RTP packet of 11 bytes is shorter than the 12-byte header");
        assertRefused(with(ok, 0, 0x40), "RTP version must be 2, was 1");
        assertRefused(with(ok, 0, 0x82), "too short for its 2 CSRCs");
        byte[] twoBytePayload = Rtp.packet(0, false, 1, 1, 1, new byte[2]);
        assertRefused(with(twoBytePayload, 0, 0x90), "too short for its header extension");
        byte[] longExtension = Rtp.packet(0, false, 1, 1, 1, new byte[] {0, 0, 0, 5, 1, 2, 3, 4});
        assertRefused(with(longExtension, 0, 0x90), "header extension of 5 words runs past the packet's 20 bytes");
        byte[] zeroPadding = with(ok, 0, 0xA0);
        assertRefused(zeroPadding, "RTP padding of 0 bytes");
        byte[] hugePadding = with(with(ok, 0, 0xA0), ok.length - 1, 9);
        assertRefused(hugePadding, "RTP padding of 9 bytes does not fit a payload of 4 bytes");
    }

    @Test
    void aRangeWhoseEndOverflowsAnIntIsRefusedAsOutsideTheBuffer() {
        // Found by RtpPacketFuzzTest: off + len wrapped negative and passed the range check, so
        // the parser read data[off] and threw ArrayIndexOutOfBoundsException instead.
        byte[] data = Rtp.packet(0, false, 1, 1, 1, new byte[2]);

        assertThatThrownBy(() -> RtpPacket.parse(data, Integer.MAX_VALUE - 4, 12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is outside a buffer of 14");
        assertThatThrownBy(() -> RtpPacket.parse(data, 1_870_718_444, 1_870_718_444))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] with(byte[] data, int index, int value) {
        byte[] copy = data.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static void assertRefused(byte[] data, String message) {
        assertThatThrownBy(() -> RtpPacket.parse(data)).isInstanceOf(RtpFormatException.class)
                .hasMessageContaining(message);
    }
}
