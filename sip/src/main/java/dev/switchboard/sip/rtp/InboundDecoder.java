package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.FaxTone;
import dev.switchboard.sip.media.FaxToneDetector;
import dev.switchboard.sip.media.RtpFormatException;
import dev.switchboard.sip.media.RtpPacket;
import dev.switchboard.sip.media.TelephoneEventDecoder;
import java.util.Optional;

/**
 * The consumer a SIP call puts on its stream: RFC 4733 events become digits, G.711 audio goes
 * through the fax-tone detector. Runs on the stream's I/O thread, which is what makes the
 * (not thread-safe) decoder and detector safe to use here.
 */
public final class InboundDecoder implements PacketConsumer {

    /** What the decoder hears; called on the I/O thread, so hand the work on rather than block. */
    public interface Listener {
        void digit(char digit);

        void faxTone(FaxTone tone);
    }

    private final String stream;
    private final Listener listener;
    private final FaxToneDetector detector = new FaxToneDetector();
    private TelephoneEventDecoder digits;
    private int digitsPayloadType = -1;

    public InboundDecoder(String stream, Listener listener) {
        this.stream = stream;
        this.listener = listener;
    }

    @Override
    public void onPacket(RtpPacket packet, StreamSettings settings) {
        int pt = packet.payloadType();
        if (pt == settings.telephoneEventPayloadType()) {
            decodeEvent(packet, pt);
        } else if (pt == settings.audioPayloadType() && packet.payloadLength() >= FaxToneDetector.MIN_FRAME) {
            FaxTone tone = detector.process(packet.buffer(), packet.payloadOffset(), packet.payloadLength(),
                    settings.law());
            if (tone != null) {
                listener.faxTone(tone);
            }
        }
    }

    private void decodeEvent(RtpPacket packet, int pt) {
        if (pt != digitsPayloadType) { // negotiated again with another payload type
            digits = new TelephoneEventDecoder(pt);
            digitsPayloadType = pt;
        }
        try {
            Optional<Character> digit = digits.accept(packet);
            digit.ifPresent(listener::digit);
        } catch (RtpFormatException e) {
            MediaLog.badPacket(stream, e.getMessage());
        }
    }
}
