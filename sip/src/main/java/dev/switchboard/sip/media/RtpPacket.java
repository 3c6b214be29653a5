package dev.switchboard.sip.media;

import java.util.Arrays;

/**
 * An RTP packet (RFC 3550 section 5.1), read without copying: the payload stays in
 * {@link #buffer()} between {@link #payloadOffset()} and its length. CSRCs, the header
 * extension and padding are stepped over.
 *
 * @param timestamp and {@code ssrc} are unsigned 32-bit values held in a long
 */
public record RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                        int csrcCount, byte[] buffer, int payloadOffset, int payloadLength) {

    public static final int HEADER_LENGTH = 12;

    /** Reads the packet in {@code data[off .. off+len)}. */
    public static RtpPacket parse(byte[] data, int off, int len) throws RtpFormatException {
        // Not off + len > data.length: that sum overflows for a large offset and lets the range through.
        if (off < 0 || len < 0 || off > data.length - len) {
            throw new IllegalArgumentException("range " + off + "+" + len + " is outside a buffer of " + data.length);
        }
        if (len < HEADER_LENGTH) {
            throw new RtpFormatException("RTP packet of " + len + " bytes is shorter than the 12-byte header");
        }
        int b0 = data[off] & 0xFF;
        if (b0 >> 6 != 2) {
            throw new RtpFormatException("RTP version must be 2, was " + (b0 >> 6));
        }
        int csrcCount = b0 & 0x0F;
        int headerEnd = HEADER_LENGTH + 4 * csrcCount;
        if (headerEnd > len) {
            throw new RtpFormatException("RTP packet of " + len + " bytes is too short for its " + csrcCount + " CSRCs");
        }
        if ((b0 & 0x10) != 0) {
            headerEnd = skipExtension(data, off, len, headerEnd);
        }
        int end = len;
        if ((b0 & 0x20) != 0) {
            int padding = data[off + len - 1] & 0xFF;
            if (padding == 0 || headerEnd + padding > len) {
                throw new RtpFormatException("RTP padding of " + padding + " bytes does not fit a payload of "
                        + (len - headerEnd) + " bytes");
            }
            end = len - padding;
        }
        int b1 = data[off + 1] & 0xFF;
        return new RtpPacket((b1 & 0x80) != 0, b1 & 0x7F, (int) readUnsigned(data, off + 2, 2),
                readUnsigned(data, off + 4, 4), readUnsigned(data, off + 8, 4), csrcCount,
                data, off + headerEnd, end - headerEnd);
    }

    /** Reads a whole array as one packet. */
    public static RtpPacket parse(byte[] data) throws RtpFormatException {
        return parse(data, 0, data.length);
    }

    /** A copy of the payload, for tests and logs; the media path reads {@link #buffer()} in place. */
    public byte[] payload() {
        return Arrays.copyOfRange(buffer, payloadOffset, payloadOffset + payloadLength);
    }

    private static int skipExtension(byte[] data, int off, int len, int headerEnd) throws RtpFormatException {
        if (headerEnd + 4 > len) {
            throw new RtpFormatException("RTP packet of " + len + " bytes is too short for its header extension");
        }
        int words = (int) readUnsigned(data, off + headerEnd + 2, 2);
        int end = headerEnd + 4 + 4 * words;
        if (end > len) {
            throw new RtpFormatException("RTP header extension of " + words + " words runs past the packet's "
                    + len + " bytes");
        }
        return end;
    }

    static long readUnsigned(byte[] data, int at, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (data[at + i] & 0xFF);
        }
        return v;
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp + ", ssrc=0x"
                + Long.toHexString(ssrc) + (marker ? ", marker" : "") + ", payload=" + payloadLength + " bytes]";
    }
}
