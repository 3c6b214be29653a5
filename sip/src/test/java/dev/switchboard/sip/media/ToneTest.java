package dev.switchboard.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToneTest {

    /** Reads a source to its end, or {@code max} samples for one that plays until stopped. */
    static short[] drain(AudioSource source, int max) {
        short[] all = new short[max];
        int at = 0;
        int n;
        while (at < max && (n = source.read(all, at, Math.min(160, max - at))) > 0) {
            at += n;
        }
        return java.util.Arrays.copyOf(all, at);
    }

    @Test
    void beepIs200MillisecondsOf1000HertzAtMinus10Dbm0() {
        short[] s = drain(Tone.BEEP.open(), 80_000);

        assertThat(s).hasSize(1600);
        assertThat(Goertzel.share(s, 1000)).isGreaterThan(0.99);
        assertThat(Goertzel.levelDbm0(s, 0, s.length)).isCloseTo(-10, within(0.2));
    }

    @Test
    void busyAlternatesHalfSecondsOf480And620HertzUntilStopped() {
        short[] s = drain(Tone.BUSY.open(), 8000 * 10);

        assertThat(s).hasSize(8000 * 10); // still playing after 10 s
        for (int second = 0; second < 10; second++) {
            int on = second * 8000;
            assertThat(Goertzel.share(s, on, 4000, 480)).isCloseTo(0.5, within(0.05));
            assertThat(Goertzel.share(s, on, 4000, 620)).isCloseTo(0.5, within(0.05));
            assertThat(Goertzel.silent(s, on + 4000, 4000)).isTrue();
        }
    }

    @Test
    void ringbackIsTwoSecondsOf440And480HertzThenFourOff() {
        short[] s = drain(Tone.RINGBACK.open(), 8000 * 12);

        for (int cycle = 0; cycle < 2; cycle++) {
            int on = cycle * 6 * 8000;
            assertThat(Goertzel.share(s, on, 16000, 440)).isCloseTo(0.5, within(0.05));
            assertThat(Goertzel.share(s, on, 16000, 480)).isCloseTo(0.5, within(0.05));
            assertThat(Goertzel.silent(s, on + 16000, 32000)).isTrue();
        }
    }

    @Test
    void customToneHasItsFrequencyCadenceAndDuration() {
        Tone tone = Tone.of(300, 1100).withCadence(100, 50).atLevel(-20);

        short[] s = drain(tone.open(), 80_000);

        assertThat(s).hasSize(2400);
        assertThat(Goertzel.share(s, 0, 800, 1100)).isGreaterThan(0.99);
        assertThat(Goertzel.levelDbm0(s, 0, 800)).isCloseTo(-20, within(0.2));
        assertThat(Goertzel.silent(s, 800, 400)).isTrue();
        assertThat(Goertzel.share(s, 1200, 800, 1100)).isGreaterThan(0.99);
        assertThat(Goertzel.silent(s, 2000, 400)).isTrue();
    }

    @Test
    void dtmfKeyIsItsTwoQ23Frequencies() {
        short[] s = drain(Tone.dtmf('5', 100).open(), 80_000);

        assertThat(s).hasSize(800);
        assertThat(Goertzel.share(s, 770)).isCloseTo(0.5, within(0.05));
        assertThat(Goertzel.share(s, 1336)).isCloseTo(0.5, within(0.05));
    }

    /** The phasor is re-set from the sample index each frame: frame size never changes the wave. */
    @Test
    void theWaveDoesNotDependOnHowItIsRead() {
        Tone tone = Tone.of(1000, 440, 1633);
        short[] whole = drain(tone.open(), 8000);
        AudioSource odd = tone.open();
        short[] pieces = new short[8000];
        for (int at = 0, n = 1; at < pieces.length; at += n, n = n % 97 + 13) {
            odd.read(pieces, at, Math.min(n, pieces.length - at));
        }
        for (int i = 0; i < whole.length; i++) {
            assertThat(Math.abs(whole[i] - pieces[i])).as("sample %d", i).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void sequencePlaysItsPartsWithoutAGap() throws PromptException {
        Prompt p = Prompt.sequence(Tone.of(110, 1000), Tone.silence(50), Tone.of(100, 2000));

        short[] s = drain(p.open(), 80_000);

        assertThat(s).hasSize(880 + 400 + 800);
        assertThat(Goertzel.share(s, 0, 880, 1000)).isGreaterThan(0.99);
        assertThat(Goertzel.silent(s, 880, 400)).isTrue();
        assertThat(Goertzel.share(s, 1280, 800, 2000)).isGreaterThan(0.99);
    }

    @Test
    void badTonesAreRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> Tone.of(100, 4100)).hasMessageContaining("4100.0 Hz");
        assertThatThrownBy(() -> Tone.of(100, 1000).withCadence(100)).hasMessageContaining("pairs");
        assertThatThrownBy(() -> Tone.of(100, 1, 2, 3, 4, 5)).hasMessageContaining("at most 4");
        assertThatThrownBy(() -> Tone.of(-1, 1000)).hasMessageContaining("-1");
        assertThatThrownBy(() -> Tone.dtmf('x', 100)).hasMessageContaining("'x'");
        assertThatThrownBy(() -> Prompt.sequence(List.of())).hasMessageContaining("at least one");
    }
}
