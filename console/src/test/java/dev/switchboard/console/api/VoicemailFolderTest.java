package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console lists the voicemail directory the administrator configured, and nothing else. */
class VoicemailFolderTest {
    @TempDir
    Path dir;

    @AfterEach
    void unset() {
        System.clearProperty(VoicemailFolder.PROPERTY);
    }

    @Test
    void listsTheWavFilesNewestFirstWithTheirLength() throws Exception {
        Path older = wav("20250101T100000Z-call-1.wav", 16000, Instant.parse("2025-01-01T10:00:00Z"));
        Path newer = wav("20250101T110000Z-call-2.wav", 12000, Instant.parse("2025-01-01T11:00:00Z"));
        Files.writeString(dir.resolve("notes.txt"), "not a recording");
        Files.createDirectory(dir.resolve("sub.wav"));

        assertThat(VoicemailFolder.list(dir)).containsExactly(
                new VoicemailJson(newer.getFileName().toString(), Files.size(newer), 1.5, "2025-01-01T11:00:00Z"),
                new VoicemailJson(older.getFileName().toString(), Files.size(older), 2.0, "2025-01-01T10:00:00Z"));
    }

    @Test
    void aFileThatIsNotYetAReadableWavHasNoLength() throws Exception {
        Files.write(dir.resolve("half-written.wav"), new byte[] {'R', 'I', 'F'});
        assertThat(VoicemailFolder.list(dir)).singleElement()
                .satisfies(v -> assertThat(v.seconds()).isNull());
    }

    @Test
    void aDirectoryNothingWasRecordedInYetListsNothing() {
        assertThat(VoicemailFolder.list(dir.resolve("not-yet"))).isEmpty();
    }

    @Test
    void theDirectoryIsTheConfiguredOneOrOneUnderTheServersDataDirectory() {
        System.setProperty(VoicemailFolder.PROPERTY, dir.toString());
        assertThat(VoicemailFolder.current()).isEqualTo(dir);
        System.clearProperty(VoicemailFolder.PROPERTY);
        String data = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        assertThat(VoicemailFolder.current()).isEqualTo(Path.of(data, "switchboard-voicemail"));
    }

    /** A WAV of {@code frames} of 8 kHz 16-bit silence, last written at {@code at}. */
    private Path wav(String name, int frames, Instant at) throws Exception {
        Path f = dir.resolve(name);
        AudioFormat pcm = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), pcm, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, f.toFile());
        }
        Files.setLastModifiedTime(f, FileTime.from(at));
        return f;
    }
}
