package dev.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the RFC 4733 path: {@link TelephoneEventDecoder} fed a stream of
 * arbitrary datagrams (framed as {@link Datagrams} says) on the negotiated payload type 101, as
 * the RTP engine feeds it. The contract: each datagram gives a DTMF digit, nothing, or
 * {@link RtpFormatException}; a datagram repeated at once (senders send start and end packets
 * three times) never gives a second digit; an event written out again reads back the same.
 * Seeds: {@code TelephoneEventFuzzTestInputs/decode}. See docs/fuzzing.md.
 */
class TelephoneEventFuzzTest {

    private static final int EVENT_PAYLOAD_TYPE = 101;
    private static final String DTMF_DIGITS = "0123456789*#ABCD";

    @FuzzTest(maxDuration = "30s")
    void decode(byte[] input) {
        TelephoneEventDecoder decoder = new TelephoneEventDecoder(EVENT_PAYLOAD_TYPE);
        for (byte[] datagram : Datagrams.split(input)) {
            Optional<Character> digit;
            try {
                digit = decoder.accept(datagram, 0, datagram.length);
            } catch (RtpFormatException e) {
                continue;
            }
            digit.ifPresent(d -> assertTrue(DTMF_DIGITS.indexOf(d) >= 0, () -> "digit '" + d + "'"));
            assertEquals(Optional.empty(), acceptAgain(decoder, datagram), "the same datagram at once again");
            assertEventRoundTrip(datagram);
        }
    }

    private static Optional<Character> acceptAgain(TelephoneEventDecoder decoder, byte[] datagram) {
        try {
            return decoder.accept(datagram, 0, datagram.length);
        } catch (RtpFormatException e) {
            throw new AssertionError("a datagram accepted once is refused the second time: " + e.getMessage(), e);
        }
    }

    /** The event of an accepted telephone-event packet, written as RFC 4733 section 2.3 lays it out, reads back the same. */
    private static void assertEventRoundTrip(byte[] datagram) {
        try {
            RtpPacket packet = RtpPacket.parse(datagram);
            if (packet.payloadType() != EVENT_PAYLOAD_TYPE) {
                return;
            }
            TelephoneEvent event = TelephoneEvent.parse(packet);
            assertTrue(event.event() >= 0 && event.event() <= 255, event::toString);
            assertTrue(event.volume() >= 0 && event.volume() <= 63, event::toString);
            assertTrue(event.duration() >= 0 && event.duration() <= TelephoneEvent.MAX_DURATION, event::toString);
            byte[] written = Rtp.packet(EVENT_PAYLOAD_TYPE, false, 0, 0, Rtp.SSRC,
                    Rtp.event(event.event(), event.end(), event.volume(), event.duration()));
            assertEquals(event, TelephoneEvent.parse(RtpPacket.parse(written)));
        } catch (RtpFormatException e) {
            throw new AssertionError("a datagram the decoder accepted is refused on its own: " + e.getMessage(), e);
        }
    }
}
