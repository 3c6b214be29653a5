package dev.switchboard.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.media.Tone;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt formats the adapter plays, read and converted with javax.sound.sampled, and the tones it makes. */
class AudioFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, AudioFormat format, int frames) throws Exception {
        Path file = dir.resolve(name);
        byte[] data = new byte[frames * format.getFrameSize()];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    @Test
    void telephoneWavsAreAcceptedWithTheirLength() throws Exception {
        assertThat(AudioFiles.check(write("pcm8k.wav", AudioFiles.linear16(8000), 12000)).length())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(AudioFiles.check(write("pcm16k.wav", AudioFiles.linear16(16000), 8000)).length())
                .isEqualTo(Duration.ofMillis(500));
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
        assertThat(AudioFiles.check(write("ulaw.wav", ulaw, 4000)).length()).isEqualTo(Duration.ofMillis(500));
        AudioFormat alaw = new AudioFormat(AudioFormat.Encoding.ALAW, 8000, 8, 1, 1, 8000, false);
        assertThat(AudioFiles.check(write("alaw.wav", alaw, 800)).length()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aFileCheckedBeforeIsCheckedAgainOnceItChangesAndRefusedOnceItIsGone() throws Exception {
        Path prompt = write("greeting.wav", AudioFiles.linear16(8000), 8000);
        AudioFiles.Info first = AudioFiles.check(prompt);
        assertThat(AudioFiles.check(prompt)).isEqualTo(first);

        write("greeting.wav", new AudioFormat(8000, 16, 2, true, false), 100); // replaced by a stereo file
        assertThatThrownBy(() -> AudioFiles.check(prompt)).hasMessageContaining("mono");
        write("greeting.wav", AudioFiles.linear16(8000), 4000);
        assertThat(AudioFiles.check(prompt).length()).isEqualTo(Duration.ofMillis(500));
        Files.delete(prompt);
        assertThatThrownBy(() -> AudioFiles.check(prompt)).hasMessageContaining("does not exist");
    }

    @Test
    void otherFilesAreRefusedNamingTheFileAndWhatIsWrong() throws Exception {
        Path stereo = write("stereo.wav", new AudioFormat(8000, 16, 2, true, false), 100);
        Path cd = write("cd.wav", AudioFiles.linear16(44100), 100);
        Path text = Files.writeString(dir.resolve("text.wav"), "hello");
        assertThatThrownBy(() -> AudioFiles.check(stereo)).hasMessageContaining("stereo.wav").hasMessageContaining("mono");
        assertThatThrownBy(() -> AudioFiles.check(cd)).hasMessageContaining("8000 or 16000 Hz");
        assertThatThrownBy(() -> AudioFiles.check(text)).hasMessageContaining("text.wav").hasMessageContaining("not a WAV");
        assertThatThrownBy(() -> AudioFiles.check(dir.resolve("none.wav"))).hasMessageContaining("does not exist");
    }

    @Test
    void anyAcceptedFileOpensAsLinear16AtTheLinesRate() throws Exception {
        Path wide = write("wide.wav", AudioFiles.linear16(16000), 16000);
        try (AudioInputStream in = AudioFiles.openLinear16(wide, 8000)) {
            assertThat(in.getFormat().matches(AudioFiles.linear16(8000))).isTrue();
            assertThat(in.readAllBytes().length / 2).isBetween(7990, 8010);
        }
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
        try (AudioInputStream in = AudioFiles.openLinear16(write("u.wav", ulaw, 800), 8000)) {
            assertThat(in.getFormat().matches(AudioFiles.linear16(8000))).isTrue();
            assertThat(in.readAllBytes()).hasSize(1600);
        }
    }

    @Test
    void writtenWavsReadBackAsTheyWereWritten() throws Exception {
        short[] samples = ToneSamples.render(Tone.BEEP, 8000, 0.5);
        Path file = dir.resolve("beep.wav");
        AudioFiles.writeWav(file, samples, 8000);
        assertThat(AudioFiles.check(file).length()).isEqualTo(Tone.BEEP.duration());
        try (AudioInputStream in = AudioFiles.openLinear16(file, 8000)) {
            byte[] b = in.readAllBytes();
            assertThat((short) ((b[21] << 8) | (b[20] & 0xff))).isEqualTo(samples[10]);
        }
        assertThat(Files.list(dir)).as("no partial file left").containsExactly(file);
    }

    @Test
    void tonesFollowTheirCadenceAndFrequency() {
        short[] busy = ToneSamples.render(Tone.BUSY, 8000, 0.3); // 500 ms on, 500 ms off
        assertThat(busy).hasSize(32000);
        assertThat(maxAbs(busy, 0, 4000)).isGreaterThan(5000);
        assertThat(maxAbs(busy, 4000, 8000)).isZero();
        short[] beep = ToneSamples.render(Tone.BEEP, 8000, 0.3); // 1000 Hz: 2000 zero crossings a second
        int crossings = 0;
        for (int i = 1; i < beep.length; i++) {
            if ((beep[i - 1] < 0) != (beep[i] < 0)) {
                crossings++;
            }
        }
        assertThat(crossings).isBetween(495, 505);
    }

    private static int maxAbs(short[] s, int from, int to) {
        int m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(s[i]));
        }
        return m;
    }
}
