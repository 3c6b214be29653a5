package dev.switchboard.sip.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Something that can be played on a call: a WAV file, a {@link Tone}, or a sequence of them.
 * {@link #open()} runs on the thread that asks to play, so a file is read and converted there,
 * and the source it returns only hands out samples already in memory.
 */
public interface Prompt {

    /** A fresh source positioned at the start; each play opens its own. */
    AudioSource open() throws PromptException;

    /** A WAV file (PCM 8 or 16 bit at any rate, µ-law or A-law), converted by {@link WavReader}. */
    static Prompt file(Path wav) {
        return new WavPrompt(wav);
    }

    /** The prompts one after the other, without a gap. */
    static Prompt sequence(List<? extends Prompt> prompts) {
        List<Prompt> copy = List.copyOf(prompts);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a sequence needs at least one prompt");
        }
        return () -> {
            List<AudioSource> sources = new ArrayList<>(copy.size());
            for (Prompt p : copy) {
                sources.add(p.open());
            }
            return new SequenceSource(sources);
        };
    }

    static Prompt sequence(Prompt... prompts) {
        return sequence(List.of(prompts));
    }
}
