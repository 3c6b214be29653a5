package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.DtmfDigits;
import dev.switchboard.sip.media.TelephoneEvent;

/**
 * Sends digits as RFC 4733 telephone events, one packet per tick. For each digit: event packets
 * that all carry the event's start timestamp, the first with the marker bit, the duration growing
 * by one packet time each; then the end packet three times (section 2.5.1.4), each a packet of its
 * own with its own sequence number; then silence for the gap before the next digit. The stream's
 * media clock runs on meanwhile, so audio after the digits continues at the right timestamp.
 */
final class DigitOutput implements Output {

    private static final int VOLUME = 10;
    private static final int END_PACKETS = 3;

    private final String digits;
    private final int toneSamples;
    private final int gapSamples;
    private int index;
    private long eventStart;
    private int duration;
    private int endsSent;
    private int gapSent;

    /** @param millis the length of each digit and of each gap between two digits, as TAPI's lineGenerateDigits */
    DigitOutput(String digits, int millis) {
        check(digits, millis);
        this.digits = digits;
        this.toneSamples = millis * 8;
        this.gapSamples = millis * 8;
    }

    /** Refuses what cannot be sent: a character that is no DTMF digit, a length RFC 4733 cannot carry. */
    static void check(String digits, int millis) {
        for (char c : digits.toCharArray()) {
            if (DtmfDigits.toEvent(c) < 0) {
                throw new IllegalArgumentException("'" + c + "' in \"" + digits + "\" is not a DTMF digit (0-9 * # A-D)");
            }
        }
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no digits to generate");
        }
        if (millis < 40 || millis * 8 > TelephoneEvent.MAX_DURATION) {
            throw new IllegalArgumentException("digit duration must be 40 ms to 8 s, was " + millis + " ms");
        }
    }

    @Override
    public boolean next(Frame frame) {
        if (index == digits.length()) {
            return false;
        }
        if (duration < toneSamples) {
            if (duration == 0) {
                eventStart = frame.timestamp;
                frame.marker = true;
            }
            duration = Math.min(toneSamples, duration + frame.samples());
            event(frame, false);
        } else if (endsSent < END_PACKETS) {
            endsSent++;
            event(frame, true);
        } else {
            frame.silence();
            gapSent += frame.samples();
        }
        if (endsSent == END_PACKETS && (index == digits.length() - 1 || gapSent >= gapSamples)) {
            index++;
            duration = 0;
            endsSent = 0;
            gapSent = 0;
        }
        return true;
    }

    private void event(Frame frame, boolean end) {
        byte[] p = frame.payload;
        p[0] = (byte) DtmfDigits.toEvent(digits.charAt(index));
        p[1] = (byte) ((end ? 0x80 : 0) | VOLUME);
        p[2] = (byte) (duration >> 8);
        p[3] = (byte) duration;
        frame.length = TelephoneEvent.LENGTH;
        frame.payloadType = frame.settings.telephoneEventPayloadType();
        frame.timestamp = eventStart;
    }
}
