package dev.switchboard.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each input format a prompt may come in, written by AudioSystem itself, read back at 8 kHz. */
class WavReaderTest {

    @TempDir
    Path dir;

    /** {@code millis} of a sine at {@code rate}, 16-bit signed little-endian, on every channel. */
    private static AudioInputStream sine(float rate, int channels, int millis, double... hz) {
        int frames = (int) (rate * millis / 1000);
        byte[] b = new byte[frames * 2 * channels];
        for (int n = 0; n < frames; n++) {
            double v = 0;
            for (double f : hz) {
                v += 8000 * Math.sin(2 * Math.PI * f * n / rate);
            }
            for (int c = 0; c < channels; c++) {
                int at = (n * channels + c) * 2;
                b[at] = (byte) Math.round(v);
                b[at + 1] = (byte) (Math.round(v) >> 8);
            }
        }
        return new AudioInputStream(new ByteArrayInputStream(b), new AudioFormat(rate, 16, channels, true, false),
                frames);
    }

    private Path write(String name, AudioInputStream audio, AudioFormat as) throws IOException {
        Path file = dir.resolve(name);
        AudioInputStream converted = audio.getFormat().matches(as) ? audio : AudioSystem.getAudioInputStream(as, audio);
        AudioSystem.write(converted, AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    private static void assertOneSecondOf1000Hertz(short[] s) {
        assertThat(s.length).isBetween(7990, 8000);
        assertThat(Goertzel.share(s, 400, 7200, 1000)).isGreaterThan(0.98);
    }

    @Test
    void pcm8kHz16BitIsTakenAsItIs() throws Exception {
        Path f = write("pcm8.wav", sine(8000, 1, 1000, 1000), new AudioFormat(8000, 16, 1, true, false));

        assertOneSecondOf1000Hertz(WavReader.read(f));
    }

    /** 6 kHz would fold to 2 kHz without a low-pass; the sinc resampler removes it. */
    @Test
    void pcm16kHzIsResampledWithoutFoldingHighFrequenciesIntoTheVoiceBand() throws Exception {
        Path f = write("pcm16.wav", sine(16000, 1, 1000, 1000, 6000), new AudioFormat(16000, 16, 1, true, false));

        short[] s = WavReader.read(f);

        assertThat(s.length).isBetween(7990, 8000);
        assertThat(Goertzel.share(s, 400, 7200, 1000)).isGreaterThan(0.95);
        assertThat(Goertzel.share(s, 400, 7200, 2000)).isLessThan(0.01);
    }

    @Test
    void ulawIsDecoded() throws Exception {
        AudioFormat ulaw = new AudioFormat(Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
        Path f = write("ulaw.wav", sine(8000, 1, 1000, 1000), ulaw);
        assertThat(AudioSystem.getAudioFileFormat(f.toFile()).getFormat().getEncoding()).isEqualTo(Encoding.ULAW);

        assertOneSecondOf1000Hertz(WavReader.read(f));
    }

    @Test
    void alawIsDecoded() throws Exception {
        AudioFormat alaw = new AudioFormat(Encoding.ALAW, 8000, 8, 1, 1, 8000, false);
        Path f = write("alaw.wav", sine(8000, 1, 1000, 1000), alaw);
        assertThat(AudioSystem.getAudioFileFormat(f.toFile()).getFormat().getEncoding()).isEqualTo(Encoding.ALAW);

        assertOneSecondOf1000Hertz(WavReader.read(f));
    }

    @Test
    void unsigned8BitPcmIsWidened() throws Exception {
        Path f = write("pcm8bit.wav", sine(8000, 1, 1000, 1000), new AudioFormat(8000, 8, 1, false, false));

        assertOneSecondOf1000Hertz(WavReader.read(f));
    }

    @Test
    void stereoAt44100IsMadeMonoAt8kHz() throws Exception {
        Path f = write("cd.wav", sine(44100, 2, 1000, 1000), new AudioFormat(44100, 16, 2, true, false));

        assertOneSecondOf1000Hertz(WavReader.read(f));
    }

    @Test
    void aFileThatIsNotAudioIsRefusedNamingIt() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.wav"), "not a RIFF file");

        assertThatThrownBy(() -> WavReader.read(f)).isInstanceOf(PromptException.class)
                .hasMessageContaining("notes.wav").hasMessageContaining("not in a format");
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        Path f = dir.resolve("missing.wav");

        assertThatThrownBy(() -> Prompt.file(f).open()).isInstanceOf(PromptException.class)
                .hasMessageContaining("missing.wav");
    }

    @Test
    void aFilePromptIsReadOnceAndPlayedFromTheStartEachTime() throws Exception {
        Path f = write("once.wav", sine(8000, 1, 100, 1000), new AudioFormat(8000, 16, 1, true, false));
        Prompt p = Prompt.file(f);
        short[] first = ToneTest.drain(p.open(), 8000);
        Files.delete(f);

        short[] second = ToneTest.drain(p.open(), 8000);

        assertThat(second).hasSize(800).isEqualTo(first);
    }

    @Test
    void writtenWavReadsBackTheSameSamples() throws Exception {
        short[] samples = ToneTest.drain(Tone.of(500, 700, 1300).open(), 8000);
        Path f = dir.resolve("sub/rec.wav");

        WavWriter.write(f, samples, 3000);

        assertThat(AudioSystem.getAudioFileFormat(f.toFile()).getFormat())
                .matches(fmt -> fmt.matches(new AudioFormat(8000, 16, 1, true, false)));
        assertThat(WavReader.read(f)).isEqualTo(java.util.Arrays.copyOf(samples, 3000));
        try (var listing = Files.list(f.getParent())) {
            assertThat(listing).containsExactly(f); // no part file left behind
        }
    }
}
