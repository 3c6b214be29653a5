package dev.switchboard.api.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The media requests refuse what cannot be right, naming the field and the value. */
class MediaRequestsTest {

    @Test
    void gatherDefaultsAndWithers() {
        GatherRequest g = GatherRequest.digits(4).withTerminators("#*").withPrompts(Prompt.file("/p.wav"), Tone.BEEP)
                .withBargeIn(false).withFirstDigitTimeout(Duration.ZERO);
        assertThat(g.maxDigits()).isEqualTo(4);
        assertThat(g.terminators()).isEqualTo("#*");
        assertThat(g.firstDigitTimeout()).isZero();
        assertThat(g.interDigitTimeout()).isEqualTo(GatherRequest.DEFAULT_INTER_DIGIT_TIMEOUT);
        assertThat(g.prompts()).containsExactly(new AudioFile("/p.wav"), Tone.BEEP);
        assertThat(g.bargeIn()).isFalse();
    }

    @Test
    void gatherRefusesWhatCannotBeRight() {
        assertThatThrownBy(() -> GatherRequest.digits(0)).hasMessageContaining("1 to 256 digits, not 0");
        assertThatThrownBy(() -> GatherRequest.digits(2).withTerminators("#x"))
                .hasMessageContaining("'x' at position 2 is not a DTMF digit");
        assertThatThrownBy(() -> GatherRequest.digits(2).withTerminators("##")).hasMessageContaining("'#' twice");
        assertThatThrownBy(() -> GatherRequest.digits(2).withInterDigitTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("inter-digit timeout");
        assertThatThrownBy(() -> GatherRequest.digits(2).withFirstDigitTimeout(Duration.ofDays(1)))
                .hasMessageContaining("first-digit timeout").hasMessageContaining("PT24H");
        assertThatThrownBy(() -> new GatherRequest(1, "", Duration.ZERO, Duration.ZERO, java.util.Arrays.asList(
                (Prompt) null), true)).hasMessageContaining("without nulls");
    }

    @Test
    void recordingIsAWavWithSaneLimits() {
        RecordRequest r = RecordRequest.to(Path.of("/tmp/vm.WAV")).withBeep(true).withTerminators("#")
                .withMaxSilence(Duration.ofSeconds(3));
        assertThat(r.path()).isEqualTo(Path.of("/tmp/vm.WAV"));
        assertThat(r.maxDuration()).isEqualTo(RecordRequest.DEFAULT_MAX_DURATION);
        assertThatThrownBy(() -> RecordRequest.to(Path.of("/tmp/vm.mp3"))).hasMessageContaining("must end in .wav");
        assertThatThrownBy(() -> r.withMaxDuration(Duration.ZERO)).hasMessageContaining("maximum duration");
    }

    @Test
    void tonesKeepToTelephoneFrequencies() {
        Tone t = Tone.custom(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(100), 425);
        assertThat(t.mode()).isEqualTo(ToneMode.CUSTOM);
        assertThat(t.frequencies()).containsExactly(425);
        assertThat(Tone.BUSY.withDuration(Duration.ofSeconds(10)).duration()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> Tone.custom(Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ZERO, 4000))
                .hasMessageContaining("4000 Hz");
        assertThatThrownBy(() -> new Tone(ToneMode.CUSTOM, List.of(1, 2, 3, 4, 5), Duration.ofMillis(1),
                Duration.ZERO, Duration.ofMillis(1))).hasMessageContaining("one to four frequencies");
        assertThatThrownBy(() -> Prompt.file(" ")).hasMessageContaining("needs a path");
    }

    @Test
    void digitsAreDtmf() {
        assertThat(Dtmf.requireDigits("digits", "0123456789*#ABCD", false)).hasSize(16);
        assertThatThrownBy(() -> Dtmf.requireDigits("digits", "", false)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Dtmf.requireDigits("digits", "12e", false)).hasMessageContaining("'e' at position 3");
    }
}
