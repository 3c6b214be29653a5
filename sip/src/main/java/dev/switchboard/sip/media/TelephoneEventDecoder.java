package dev.switchboard.sip.media;

import java.util.Optional;

/**
 * Turns the RFC 4733 telephone-event packets of one RTP stream into DTMF digits, each exactly
 * once. Senders send an event's first packet up to three times, then updates with a growing
 * duration, then the end packet three times, all with the same RTP timestamp: the timestamp is
 * what identifies one key press, so a second press of the same key is a second digit.
 *
 * <p>A digit is reported on the first packet of a new timestamp, so it is not lost when the
 * start packets are; packets older than the last event (late or reordered) are ignored. An
 * event longer than the 16-bit duration is continued under a new timestamp (section 2.5.2.3);
 * that continuation is not a new digit.
 */
public final class TelephoneEventDecoder {

    private final int payloadType;
    private boolean haveEvent;
    private long ssrc;
    private long timestamp;
    private int event;
    private int duration;
    private boolean ended;

    /** @param payloadType the telephone-event payload type negotiated in SDP, such as 101 */
    public TelephoneEventDecoder(int payloadType) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0 to 127, was " + payloadType);
        }
        this.payloadType = payloadType;
    }

    /** Parses a datagram and decodes it; packets of another payload type give nothing. */
    public Optional<Character> accept(byte[] datagram, int off, int len) throws RtpFormatException {
        return accept(RtpPacket.parse(datagram, off, len));
    }

    /** Decodes one packet; packets of another payload type give nothing. */
    public Optional<Character> accept(RtpPacket packet) throws RtpFormatException {
        if (packet.payloadType() != payloadType) {
            return Optional.empty();
        }
        TelephoneEvent e = TelephoneEvent.parse(packet);
        if (haveEvent && packet.ssrc() == ssrc) {
            int age = (int) (packet.timestamp() - timestamp); // serial arithmetic: timestamps wrap
            if (age < 0) {
                return Optional.empty();
            }
            if (age == 0) { // a repeat or update of the current event
                duration = Math.max(duration, e.duration());
                ended |= e.end();
                return Optional.empty();
            }
            if (isContinuation(e, age)) {
                remember(packet, e);
                return Optional.empty();
            }
        }
        remember(packet, e);
        return e.isDtmf() ? Optional.of(DtmfDigits.fromEvent(e.event())) : Optional.empty();
    }

    /** Whether {@code e} continues the current event after its duration ran out at 0xFFFF. */
    private boolean isContinuation(TelephoneEvent e, int age) {
        return !ended && e.event() == event && duration == TelephoneEvent.MAX_DURATION && age == duration;
    }

    private void remember(RtpPacket packet, TelephoneEvent e) {
        haveEvent = true;
        ssrc = packet.ssrc();
        timestamp = packet.timestamp();
        event = e.event();
        duration = e.duration();
        ended = e.end();
    }
}
