package dev.switchboard.sip.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads an audio file (WAV, or anything else {@code javax.sound.sampled} knows) into 8 kHz 16-bit
 * mono samples, converting with {@link AudioSystem} in two steps: first the encoding (µ-law,
 * A-law, 8-bit or big-endian PCM) to 16-bit signed PCM at the file's own rate, then the rate and
 * channels. The second step asks the JDK's converter for its windowed-sinc resampler: its default
 * is linear interpolation, which has no low-pass, so a 16 kHz prompt would fold everything above
 * 4 kHz back into the voice band (6 kHz comes out as 2 kHz).
 */
public final class WavReader {

    /** Ten minutes: a prompt is held in memory (16 KB a second), so an hour-long file is a mistake. */
    public static final int MAX_SECONDS = 600;

    static final AudioFormat TARGET = new AudioFormat(Encoding.PCM_SIGNED, AudioSource.SAMPLE_RATE, 16, 1, 2,
            AudioSource.SAMPLE_RATE, false, Map.of("interpolation", "sinc"));

    private WavReader() {
    }

    /** The samples of {@code file} at 8 kHz. */
    public static short[] read(Path file) throws PromptException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = source.getFormat();
            checkLength(file, source);
            AudioInputStream linear = convert(file, source, linearAt(format));
            AudioInputStream eightKhz = convert(file, linear, TARGET);
            long expected = expectedSamples(source);
            return samples(eightKhz.readAllBytes(), expected);
        } catch (UnsupportedAudioFileException e) {
            throw new PromptException("audio file " + file + " is not in a format javax.sound.sampled reads: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new PromptException("audio file " + file + " cannot be read: " + e, e);
        }
    }

    /** 16-bit signed little-endian PCM at the source's rate and channels: the resampler's input. */
    private static AudioFormat linearAt(AudioFormat f) {
        return new AudioFormat(Encoding.PCM_SIGNED, f.getSampleRate(), 16, f.getChannels(), 2 * f.getChannels(),
                f.getSampleRate(), false);
    }

    private static AudioInputStream convert(Path file, AudioInputStream in, AudioFormat target)
            throws PromptException {
        if (in.getFormat().matches(target)) {
            return in;
        }
        if (!AudioSystem.isConversionSupported(target, in.getFormat())) {
            throw new PromptException("audio file " + file + ": javax.sound.sampled cannot convert "
                    + in.getFormat() + " to " + target);
        }
        return AudioSystem.getAudioInputStream(target, in);
    }

    private static void checkLength(Path file, AudioInputStream source) throws PromptException {
        float seconds = source.getFrameLength() / source.getFormat().getFrameRate();
        if (source.getFrameLength() != AudioSystem.NOT_SPECIFIED && seconds > MAX_SECONDS) {
            throw new PromptException("audio file " + file + " lasts " + Math.round(seconds) + " s; a prompt may last "
                    + MAX_SECONDS + " s at most");
        }
    }

    /** How many 8 kHz samples the file's length makes: the sinc resampler adds a few of its own at the end. */
    private static long expectedSamples(AudioInputStream source) {
        long frames = source.getFrameLength();
        return frames == AudioSystem.NOT_SPECIFIED ? Long.MAX_VALUE
                : Math.round(frames * (double) AudioSource.SAMPLE_RATE / source.getFormat().getFrameRate());
    }

    private static short[] samples(byte[] littleEndian, long expected) {
        int n = (int) Math.min(littleEndian.length / 2, expected);
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) ((littleEndian[2 * i] & 0xFF) | littleEndian[2 * i + 1] << 8);
        }
        return s;
    }
}
