package dev.switchboard.core.sim;

import dev.switchboard.api.media.AudioFile;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.Tone;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated switch started playing to each live call, so that a demo or a test can tell
 * what the caller heard without a real phone: an audio file by its file name ({@code menu.wav}),
 * a tone as {@code tone:} and its mode ({@code tone:BEEP}). Forgotten when the call ends, so it
 * holds nothing for calls that are gone.
 */
final class PlayedPrompts {
    /** Immutable lists, replaced on every change, so a reader never sees one being changed. */
    private final Map<String, List<String>> byCall = new ConcurrentHashMap<>();

    void started(String callId, List<? extends Prompt> prompts) {
        List<String> names = prompts.stream().map(PlayedPrompts::name).toList();
        byCall.merge(callId, names, (before, more) -> {
            List<String> all = new ArrayList<>(before);
            all.addAll(more);
            return List.copyOf(all);
        });
    }

    /** The prompts started on {@code callId}, oldest first; empty for a call unknown or gone. */
    List<String> of(String callId) {
        return byCall.getOrDefault(callId, List.of());
    }

    void forget(String callId) {
        byCall.remove(callId);
    }

    static String name(Prompt p) {
        if (p instanceof Tone t) {
            return "tone:" + t.mode();
        }
        Path file = ((AudioFile) p).toPath().getFileName();
        return file == null ? ((AudioFile) p).path() : file.toString();
    }
}
