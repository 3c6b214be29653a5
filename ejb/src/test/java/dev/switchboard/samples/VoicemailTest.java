package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VoicemailTest {

    @Test
    void aMessageIsNamedByItsTimeAndCallSoTheNewestSortsLastAndNoneIsOverwritten() {
        Instant t = Instant.parse("2025-03-04T05:06:07.089Z");
        assertThat(Voicemail.fileName("call-7", t)).isEqualTo("20250304T050607.089Z-call-7.wav");
        assertThat(Voicemail.fileName("call-7", t.plusMillis(1))).isGreaterThan(Voicemail.fileName("call-7", t));
    }

    @Test
    void aCallIdCannotLeadTheFileOutOfTheVoicemailDirectory() {
        assertThat(Voicemail.fileName("../../etc/x y", Instant.EPOCH)).isEqualTo("19700101T000000.000Z-.._.._etc_x_y.wav");
    }
}
