package dev.switchboard.sip.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A WAV file as a prompt. The file is converted once, on the first play, and the samples are kept:
 * an IVR plays the same few prompts on every call, so the provider should keep one instance per file.
 */
final class WavPrompt implements Prompt {

    private final Path file;
    private volatile short[] samples;

    WavPrompt(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public AudioSource open() throws PromptException {
        short[] s = samples;
        if (s == null) {
            s = WavReader.read(file);
            samples = s;
        }
        return new PcmClip(s);
    }

    @Override
    public String toString() {
        return "WAV " + file;
    }
}
