package dev.switchboard.core.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The audio files prompts are made of and recordings are written to, read and written with
 * {@code javax.sound.sampled} (no WAV parser of our own). The core checks a prompt's file with
 * {@link #check} when an application asks to play it, so that a wrong file is the application's
 * INVALPARAM at once rather than a FAILED completion later; providers read it with
 * {@link #openLinear16} in the one form they send (16-bit linear at the line's rate, mono) and
 * write recordings with {@link #writeWav}.
 */
public final class AudioFiles {
    /** The rate of telephone audio (G.711). */
    public static final float TELEPHONE_RATE = 8000f;

    private AudioFiles() {
    }

    /** What {@link #check} found: the file's own format and how long it plays. */
    public record Info(AudioFormat format, Duration length) {
    }

    /**
     * Checks that {@code file} is a WAV this adapter plays: mono, 8 or 16 kHz, linear PCM (16-bit
     * signed or 8-bit), µ-law or A-law.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static Info check(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            attributes = null;
        }
        if (attributes == null || !attributes.isRegularFile()) {
            throw new IllegalArgumentException("audio file " + file + " does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("audio file " + file + " cannot be read by the server");
        }
        Checked known = CHECKED.get(file);
        if (known != null && known.isOf(attributes)) {
            return known.info();
        }
        Info info = read(file);
        if (CHECKED.size() >= CHECKED_KEPT) {
            CHECKED.clear(); // recordings played once each must not grow it for good; prompts come back at once
        }
        CHECKED.put(file, new Checked(attributes.lastModifiedTime(), attributes.size(), info));
        return info;
    }

    /**
     * Files already checked, with the size and time they had then. Reading a WAV's header through
     * {@code javax.sound.sampled} looks its file readers up through the service loader every time,
     * which cost about 8 % of the server's CPU under load when every call plays the same greeting.
     */
    private static final Map<Path, Checked> CHECKED = new ConcurrentHashMap<>();
    private static final int CHECKED_KEPT = 256;

    private record Checked(FileTime modified, long size, Info info) {
        boolean isOf(BasicFileAttributes now) {
            return now.size() == size && now.lastModifiedTime().equals(modified);
        }
    }

    private static Info read(Path file) {
        AudioFileFormat fileFormat;
        try {
            fileFormat = AudioSystem.getAudioFileFormat(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("audio file " + file + " is not a WAV file the server can read", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("audio file " + file + " could not be read: " + e.getMessage(), e);
        }
        if (fileFormat.getType() != AudioFileFormat.Type.WAVE) {
            throw new IllegalArgumentException("audio file " + file + " is " + fileFormat.getType() + ", not WAV");
        }
        AudioFormat f = fileFormat.getFormat();
        String problem = problemWith(f);
        if (problem != null) {
            throw new IllegalArgumentException("audio file " + file + " is " + f + ": " + problem
                    + "; convert it, for example: sox in.wav -r 8000 -c 1 -b 16 out.wav");
        }
        long frames = fileFormat.getFrameLength();
        Duration length = frames < 0 ? Duration.ZERO : Duration.ofNanos(Math.round(frames * 1e9 / f.getFrameRate()));
        return new Info(f, length);
    }

    private static String problemWith(AudioFormat f) {
        if (f.getChannels() != 1) {
            return "it must be mono, not " + f.getChannels() + " channels";
        }
        float rate = f.getSampleRate();
        if (rate != 8000f && rate != 16000f) {
            return "its sample rate must be 8000 or 16000 Hz";
        }
        Encoding e = f.getEncoding();
        boolean pcm16 = e.equals(Encoding.PCM_SIGNED) && f.getSampleSizeInBits() == 16;
        boolean pcm8 = (e.equals(Encoding.PCM_UNSIGNED) || e.equals(Encoding.PCM_SIGNED)) && f.getSampleSizeInBits() == 8;
        boolean g711 = e.equals(Encoding.ULAW) || e.equals(Encoding.ALAW);
        return pcm16 || pcm8 || g711 ? null : "its encoding must be 16-bit or 8-bit linear PCM, µ-law or A-law";
    }

    /**
     * Opens a checked file as 16-bit signed little-endian mono at {@code sampleRate}, converting its
     * encoding and rate with {@code javax.sound.sampled}. The caller closes the stream.
     */
    public static AudioInputStream openLinear16(Path file, float sampleRate) throws IOException {
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("audio file " + file + " is not a WAV file the server can read", e);
        }
        AudioFormat target = linear16(sampleRate);
        if (in.getFormat().matches(target)) {
            return in;
        }
        AudioFormat f = in.getFormat();
        if (!f.getEncoding().equals(Encoding.PCM_SIGNED) || f.getSampleSizeInBits() != 16) {
            // G.711 and 8-bit decode to 16-bit linear at their own rate first; the rate changes next
            in = AudioSystem.getAudioInputStream(linear16(f.getSampleRate()), in);
        }
        return in.getFormat().matches(target) ? in : AudioSystem.getAudioInputStream(target, in);
    }

    /** Writes {@code samples} (16-bit linear, mono, at {@code sampleRate}) as a WAV file, replacing any file there. */
    public static void writeWav(Path file, short[] samples, float sampleRate) throws IOException {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        AudioFormat format = linear16(sampleRate);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, samples.length)) {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, tmp.toFile());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** 16-bit signed little-endian mono at {@code sampleRate}. */
    public static AudioFormat linear16(float sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }
}
