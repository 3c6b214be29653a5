package dev.switchboard.sip.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Writes 8 kHz 16-bit mono samples as a WAV file with {@link AudioSystem#write}. The file appears
 * whole or not at all: it is written next to its final name and moved there, so whoever lists
 * recordings (the console's voicemail list) never reads half a file.
 */
public final class WavWriter {

    private static final AudioFormat FORMAT = new AudioFormat(AudioSource.SAMPLE_RATE, 16, 1, true, false);

    private WavWriter() {
    }

    /** Writes {@code count} samples of {@code samples} to {@code file}, replacing it. */
    public static void write(Path file, short[] samples, int count) throws IOException {
        byte[] bytes = new byte[2 * count];
        for (int i = 0; i < count; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), FORMAT, count)) {
                AudioSystem.write(in, AudioFileFormat.Type.WAVE, part.toFile());
            }
            move(part, file);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
