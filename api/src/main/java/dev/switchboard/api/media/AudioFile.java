package dev.switchboard.api.media;

import java.nio.file.Path;

/**
 * A WAV file to play: mono, 8 or 16 kHz, 16-bit (or 8-bit) linear PCM, µ-law or A-law. The file
 * is read where the adapter runs, so the path is one on the server; a relative path resolves
 * against the server's working directory, so prefer absolute ones. Whether the file exists and
 * has one of these formats is checked when the play is asked for (INVALPARAM, naming the file and
 * what is wrong with it), not when the prompt is made.
 *
 * @param path the file's path on the server, as a string so that the prompt is serializable
 */
public record AudioFile(String path) implements Prompt {

    public AudioFile {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("an audio file prompt needs a path, not '" + path + "'");
        }
    }

    /** The path as a {@link Path}. */
    public Path toPath() {
        return Path.of(path);
    }
}
