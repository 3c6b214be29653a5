package dev.switchboard.sip.media;

import java.util.Optional;

/**
 * ITU-T G.711 decoding to 16-bit linear PCM. Each law is a 256-entry table, built once from
 * the expansion rules of G.711 (the same values as the reference tables of its Appendix and
 * of Sun's g711.c), so decoding a sample is one array read.
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
