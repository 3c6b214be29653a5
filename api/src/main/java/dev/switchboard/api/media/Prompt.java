package dev.switchboard.api.media;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Something a call can be played: an audio file or a tone. {@code play}, a gather's prompt and
 * {@code generateTone} take prompts; several play one after the other.
 */
public sealed interface Prompt extends Serializable permits AudioFile, Tone {

    /** The WAV file at {@code path} (see {@link AudioFile} for the formats). */
    static AudioFile file(Path path) {
        if (path == null) {
            throw new IllegalArgumentException("an audio file prompt needs a path, not null");
        }
        return new AudioFile(path.toString());
    }

    /** The WAV file at {@code path}. */
    static AudioFile file(String path) {
        return new AudioFile(path);
    }
}
