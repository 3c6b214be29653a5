package dev.switchboard.console.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The directory where voicemails are left as WAV files, as the administrator configures it with
 * the system property {@value #PROPERTY}; the voice application that records them reads the same
 * property, so the console needs nothing from it. Unset, it is {@code switchboard-voicemail} under
 * the server's data directory ({@code jboss.server.data.dir}) or, on a server without one, under
 * {@code java.io.tmpdir}. Read at each request, like the simulator's switch, so a change on a
 * running server shows at once.
 *
 * <p>Why a directory and not the adapter's operator events: those carry what happens to calls
 * (arrivals, states, holders, handoffs), not media completions, and a directory lists what is
 * really stored, messages left before the server restarted included.
 */
public final class VoicemailFolder {
    public static final String PROPERTY = "switchboard.voicemail.dir";
    static final String DEFAULT_NAME = "switchboard-voicemail";
    /** The most a listing returns, newest first. */
    static final int LIMIT = 200;

    private VoicemailFolder() {
    }

    /** The configured directory (which may not exist yet: nothing was recorded). */
    public static Path current() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        String data = System.getProperty("jboss.server.data.dir");
        return Path.of(data != null ? data : System.getProperty("java.io.tmpdir"), DEFAULT_NAME);
    }

    /** The WAV files in {@code dir}, newest first; none when it does not exist. */
    static List<VoicemailJson> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<VoicemailJson> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(VoicemailFolder::isWav)::iterator) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                found.add(new VoicemailJson(f.getFileName().toString(), a.size(), seconds(f),
                        a.lastModifiedTime().toInstant().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the voicemail directory " + dir + " (" + PROPERTY + "): "
                    + e.getMessage(), e);
        }
        return found.stream().sorted(Comparator.comparing(VoicemailJson::recordedAt).reversed()
                .thenComparing(VoicemailJson::name)).limit(LIMIT).toList();
    }

    private static boolean isWav(Path f) {
        return Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav");
    }

    /** How long the recording plays, to a tenth of a second; null while it is being written or not a WAV. */
    private static Double seconds(Path f) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(f.toFile());
            float rate = format.getFormat().getFrameRate();
            if (format.getFrameLength() < 0 || rate <= 0) {
                return null;
            }
            return Math.round(format.getFrameLength() / rate * 10) / 10.0;
        } catch (UnsupportedAudioFileException | IOException e) {
            return null;
        }
    }
}
