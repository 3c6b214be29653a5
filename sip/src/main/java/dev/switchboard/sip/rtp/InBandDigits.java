package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.AudioSource;
import dev.switchboard.sip.media.SequenceSource;
import dev.switchboard.sip.media.Tone;
import java.util.ArrayList;
import java.util.List;

/** Digits as DTMF tones in the audio, for a peer that did not offer RFC 4733 telephone events. */
final class InBandDigits {

    private InBandDigits() {
    }

    /** Each digit for {@code millis}, with as long a silence between two digits. */
    static AudioSource source(String digits, int millis) {
        List<AudioSource> parts = new ArrayList<>();
        for (char digit : digits.toCharArray()) {
            if (!parts.isEmpty()) {
                parts.add(Tone.silence(millis).open());
            }
            parts.add(Tone.dtmf(digit, millis).open());
        }
        return new SequenceSource(parts);
    }
}
