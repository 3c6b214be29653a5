package dev.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of {@link RtpPacket#parse}, which reads every datagram that reaches a
 * media port. The contract: a packet that lies inside the datagram, or {@link RtpFormatException};
 * {@link IllegalArgumentException} only for a range outside the buffer, as documented. Seeds:
 * {@code RtpPacketFuzzTestInputs/parse} (G.711 packets of the fax-tone captures, RFC 4733 events,
 * CSRCs, a header extension, padding). See docs/fuzzing.md.
 */
class RtpPacketFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] datagram) {
        String outcome = describe(datagram, 0, datagram.length);

        // The same bytes inside a larger buffer (as the RTP engine's receive buffer is) read the same.
        int shift = 1 + datagram.length % 5;
        byte[] buffer = new byte[shift + datagram.length + 3];
        Arrays.fill(buffer, (byte) 0xA5);
        System.arraycopy(datagram, 0, buffer, shift, datagram.length);
        assertEquals(outcome, describe(buffer, shift, datagram.length), "the packet read at offset " + shift);

        checkRange(datagram);
    }

    /** Parses and checks one range; the packet's fields (offset made relative) or the refusal, as text. */
    private static String describe(byte[] data, int off, int len) {
        RtpPacket p;
        try {
            p = RtpPacket.parse(data, off, len);
        } catch (RtpFormatException e) {
            return "refused: " + e.getMessage();
        }
        assertTrue(p.payloadType() >= 0 && p.payloadType() <= 127, p::toString);
        assertTrue(p.sequenceNumber() >= 0 && p.sequenceNumber() <= 0xFFFF, p::toString);
        assertTrue(p.timestamp() >= 0 && p.timestamp() <= 0xFFFFFFFFL, p::toString);
        assertTrue(p.ssrc() >= 0 && p.ssrc() <= 0xFFFFFFFFL, p::toString);
        assertTrue(p.payloadOffset() >= off + RtpPacket.HEADER_LENGTH + 4 * p.csrcCount(), p::toString);
        assertTrue(p.payloadLength() >= 0 && p.payloadOffset() + p.payloadLength() <= off + len, p::toString);
        assertRoundTrip(p, data, off);
        return p + " at +" + (p.payloadOffset() - off) + " " + Arrays.toString(p.payload());
    }

    /** The packet written out again as a plain header, its CSRCs and its payload reads back the same. */
    private static void assertRoundTrip(RtpPacket p, byte[] data, int off) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | p.csrcCount());
        out.write((p.marker() ? 0x80 : 0) | p.payloadType());
        Rtp.write(out, p.sequenceNumber(), 2);
        Rtp.write(out, p.timestamp(), 4);
        Rtp.write(out, p.ssrc(), 4);
        out.write(data, off + RtpPacket.HEADER_LENGTH, 4 * p.csrcCount());
        out.write(p.buffer(), p.payloadOffset(), p.payloadLength());
        RtpPacket again;
        try {
            again = RtpPacket.parse(out.toByteArray());
        } catch (RtpFormatException e) {
            throw new AssertionError("a packet written from " + p + " is refused: " + e.getMessage(), e);
        }
        assertEquals(p.toString(), again.toString());
        assertEquals(p.csrcCount(), again.csrcCount());
        assertArrayEquals(p.payload(), again.payload());
    }

    /**
     * The first eight bytes, taken as an offset and a length, give IllegalArgumentException exactly
     * when that range is outside the datagram; inside it, the usual contract holds.
     */
    private static void checkRange(byte[] datagram) {
        if (datagram.length < 8) {
            return;
        }
        int off = (int) RtpPacket.readUnsigned(datagram, 0, 4);
        int len = (int) RtpPacket.readUnsigned(datagram, 4, 4);
        boolean inside = off >= 0 && len >= 0 && (long) off + len <= datagram.length;
        if (!inside) {
            assertThrows(IllegalArgumentException.class, () -> RtpPacket.parse(datagram, off, len),
                    () -> "range " + off + "+" + len + " of a " + datagram.length + "-byte buffer");
            return;
        }
        try {
            describe(datagram, off, len);
        } catch (IllegalArgumentException e) {
            fail("range " + off + "+" + len + " lies inside the " + datagram.length + "-byte buffer", e);
        }
    }
}
