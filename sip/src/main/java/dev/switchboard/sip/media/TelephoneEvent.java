package dev.switchboard.sip.media;

/**
 * The payload of an RFC 4733 telephone-event packet (section 2.3).
 *
 * @param event    0-15 for DTMF, other codes for other events (RFC 4734)
 * @param end      the E bit: set on the (usually three) last packets of an event
 * @param volume   attenuation in dBm0, 0 to 63
 * @param duration in RTP timestamp units since the event's timestamp, 0 to 65535
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    public static final int LENGTH = 4;
    public static final int MAX_DURATION = 0xFFFF;

    /** Reads the first event of a telephone-event RTP payload. */
    public static TelephoneEvent parse(RtpPacket packet) throws RtpFormatException {
        if (packet.payloadLength() < LENGTH) {
            throw new RtpFormatException("telephone-event payload of " + packet.payloadLength()
                    + " bytes is shorter than " + LENGTH);
        }
        byte[] b = packet.buffer();
        int at = packet.payloadOffset();
        return new TelephoneEvent(b[at] & 0xFF, (b[at + 1] & 0x80) != 0, b[at + 1] & 0x3F,
                (int) RtpPacket.readUnsigned(b, at + 2, 2));
    }

    /** Whether this is a DTMF digit rather than another event. */
    public boolean isDtmf() {
        return DtmfDigits.isDtmfEvent(event);
    }
}
