package dev.switchboard.samples;

import dev.switchboard.api.media.AudioFile;
import dev.switchboard.api.media.Prompt;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The samples' spoken prompts, on the server's disk. The WAV files ship inside the EJB jar
 * ({@code prompts/*.wav}, made once with espeak-ng by {@code ejb/src/main/prompts/make-prompts.sh}),
 * but a line plays a prompt from a file path ({@link AudioFile}), so at deployment they are copied
 * to a directory of their own under the server's temporary directory ({@code jboss.server.temp.dir},
 * else {@code java.io.tmpdir}), which is removed at undeployment.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // read-only after start: no lock needed
public class PromptFiles {

    /** The prompts there are, by file name. */
    public enum Spoken {
        /** "Press 9 to send a fax, 0 for the operator, 1 to leave a message, 2 for an agent." */
        MENU("menu.wav"),
        /** "Sorry, the operator cannot take your call." */
        OPERATOR_BUSY("operator-busy.wav"),
        /** "Please leave a message after the tone. Press hash when you are done." */
        VOICEMAIL("voicemail.wav"),
        /** "Thank you. Goodbye." */
        GOODBYE("goodbye.wav"),
        /** "Connecting you to an agent. Please hold." */
        CONNECTING("connecting.wav"),
        /** "Sorry, no agent is free to take your call." */
        AGENT_BUSY("agent-busy.wav");

        final String fileName;

        Spoken(String fileName) {
            this.fileName = fileName;
        }
    }

    private static final Logger LOG = Logger.getLogger("dev.switchboard.samples");

    private final Map<Spoken, AudioFile> files = new EnumMap<>(Spoken.class);
    private Path dir;

    @PostConstruct
    void copyOut() {
        String temp = System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir"));
        try {
            dir = Files.createTempDirectory(Path.of(temp), "switchboard-prompts-");
            for (Spoken s : Spoken.values()) {
                Path file = dir.resolve(s.fileName);
                try (InputStream in = PromptFiles.class.getResourceAsStream("/prompts/" + s.fileName)) {
                    if (in == null) {
                        throw new IllegalStateException("prompt prompts/" + s.fileName + " is missing from the"
                                + " samples' jar: run ejb/src/main/prompts/make-prompts.sh and rebuild");
                    }
                    Files.copy(in, file);
                }
                files.put(s, Prompt.file(file.toAbsolutePath()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the samples' prompts to " + temp + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "samples' prompts copied to " + dir);
    }

    @PreDestroy
    void removeCopies() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove the samples' prompt copies in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The prompt, as a file the line can play. */
    public AudioFile get(Spoken prompt) {
        return files.get(prompt);
    }
}
