package dev.switchboard.sip.media;

import java.util.Optional;

/**
 * ITU-T G.711 decoding to and encoding from 16-bit linear PCM. Decoding is a 256-entry table,
 * built once from the expansion rules of G.711 (the same values as the reference tables of its
 * Appendix and of Sun's g711.c), so decoding a sample is one array read. Encoding follows the
 * compression rules (segment from the highest set bit, then four mantissa bits); it gives back
 * every code its decoded value came from, except µ-law's negative zero.
 */
public enum G711 {
    /** µ-law, RTP payload type 0 (PCMU). */
    ULAW(0, "PCMU", ulawTable()),
    /** A-law, RTP payload type 8 (PCMA). */
    ALAW(8, "PCMA", alawTable());

    private final int payloadType;
    private final String encodingName;
    private final short[] table;

    G711(int payloadType, String encodingName, short[] table) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
        this.table = table;
    }

    /** The static RTP payload type of this law. */
    public int payloadType() {
        return payloadType;
    }

    /** The SDP encoding name, {@code PCMU} or {@code PCMA}. */
    public String encodingName() {
        return encodingName;
    }

    /** The linear value of one code. */
    public short toLinear(byte code) {
        return table[code & 0xFF];
    }

    /** The code of silence (linear 0): 0xFF for µ-law, 0xD5 for A-law. */
    public byte silence() {
        return encode((short) 0);
    }

    /** The code of one linear sample. */
    public byte encode(short linear) {
        return this == ULAW ? encodeUlaw(linear) : encodeAlaw(linear);
    }

    /** Encodes {@code len} samples from {@code src} into {@code dst}; allocates nothing. */
    public void encode(short[] src, int srcOff, byte[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = encode(src[srcOff + i]);
        }
    }

    /**
     * A table that turns a code of this law into the code of {@code other} with the nearest
     * value, for relaying between legs that negotiated different laws.
     */
    public byte[] transcodeTo(G711 other) {
        byte[] t = new byte[256];
        for (int code = 0; code < 256; code++) {
            t[code] = other.encode(table[code]);
        }
        return t;
    }

    /** Decodes {@code len} codes from {@code src} into {@code dst}; allocates nothing. */
    public void decode(byte[] src, int srcOff, short[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = table[src[srcOff + i] & 0xFF];
        }
    }

    /** The law of an SDP encoding name, ignoring case. */
    public static Optional<G711> forEncoding(String name) {
        for (G711 law : values()) {
            if (law.encodingName.equalsIgnoreCase(name)) {
                return Optional.of(law);
            }
        }
        return Optional.empty();
    }

    /** µ-law: bias by 132 so every segment starts at a power of two, then invert the code. */
    private static byte encodeUlaw(short linear) {
        int x = linear;
        int sign = 0;
        if (x < 0) {
            sign = 0x80;
            x = -x;
        }
        x = Math.min(x, 32635) + 0x84;
        int segment = Math.max(0, 31 - Integer.numberOfLeadingZeros(x) - 7);
        int mantissa = (x >> (segment + 3)) & 0x0F;
        return (byte) ~(sign | segment << 4 | mantissa);
    }

    /** A-law: 13 significant bits, segment 0 and 1 share a step size, even bits inverted. */
    private static byte encodeAlaw(short linear) {
        int x = linear >> 3;
        int mask = 0xD5;
        if (x < 0) {
            mask = 0x55;
            x = -x - 1;
        }
        int segment = Math.max(0, 31 - Integer.numberOfLeadingZeros(x) - 4); // x < 4096: at most 7
        int mantissa = segment < 2 ? (x >> 1) & 0x0F : (x >> segment) & 0x0F;
        return (byte) ((segment << 4 | mantissa) ^ mask);
    }

    private static short[] ulawTable() {
        short[] t = new short[256];
        for (int code = 0; code < 256; code++) {
            int u = ~code & 0xFF;                      // codes are sent inverted
            int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
            t[code] = (short) ((u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
        }
        return t;
    }

    private static short[] alawTable() {
        short[] t = new short[256];
        for (int code = 0; code < 256; code++) {
            int a = code ^ 0x55;                       // even bits are sent inverted
            int segment = (a & 0x70) >> 4;
            int magnitude = (a & 0x0F) << 4;
            magnitude = segment == 0 ? magnitude + 8 : (magnitude + 0x108) << (segment - 1);
            t[code] = (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
        }
        return t;
    }
}
