package dev.switchboard.sip.media;

import java.io.ByteArrayOutputStream;

/** Builds RTP packets and telephone-event payloads for tests. */
final class Rtp {

    static final long SSRC = 0x11223344L;

    private Rtp() {
    }

    static byte[] packet(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write((marker ? 0x80 : 0) | payloadType);
        write(out, sequence, 2);
        write(out, timestamp, 4);
        write(out, ssrc, 4);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] event(int event, boolean end, int volume, int duration) {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** One telephone-event packet on payload type 101. */
    static byte[] dtmf(int sequence, long timestamp, int event, boolean end, int duration) {
        return packet(101, false, sequence, timestamp, SSRC, event(event, end, 10, duration));
    }

    static void write(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >> (8 * i)));
        }
    }
}
