package dev.switchboard.sip.provider;

import dev.switchboard.api.media.AudioFile;
import dev.switchboard.api.media.ToneMode;
import dev.switchboard.sip.media.Prompt;
import dev.switchboard.sip.media.Tone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what an application asks to play (the api's audio files and tones) into the media
 * engine's prompts. An IVR plays the same few files on every call, so each file is read and
 * converted once and its prompt kept ({@link Prompt#file} keeps the samples): one per file, the
 * {@value #KEPT} most recently played, and read again when the file changes (its size or time),
 * so that a re-recorded greeting is heard as it is now. Shared by every call of the provider.
 */
final class Prompts {
    /** Files whose samples are kept: enough for any IVR's prompts, bounded for one that plays recordings. */
    static final int KEPT = 64;

    private record Kept(long size, long modified, Prompt prompt) {
    }

    private final Map<Path, Kept> files = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Kept> eldest) {
            return size() > KEPT;
        }
    };

    /** The prompts one after the other, as one prompt. */
    Prompt sequence(List<dev.switchboard.api.media.Prompt> prompts) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("nothing to play: no prompts");
        }
        List<Prompt> out = new ArrayList<>(prompts.size());
        for (dev.switchboard.api.media.Prompt p : prompts) {
            out.add(p instanceof AudioFile f ? file(f.toPath()) : tone((dev.switchboard.api.media.Tone) p));
        }
        return out.size() == 1 ? out.get(0) : Prompt.sequence(out);
    }

    /** The kept prompt of {@code file}, or a new one when it is new or has changed since. */
    synchronized Prompt file(Path file) {
        Path key = file.toAbsolutePath().normalize();
        long size = -1;
        long modified = -1;
        try {
            BasicFileAttributes a = Files.readAttributes(key, BasicFileAttributes.class);
            size = a.size();
            modified = a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            // opening it says what is wrong, as the play's failure; nothing is kept for it
            return Prompt.file(key);
        }
        Kept k = files.get(key);
        if (k == null || k.size() != size || k.modified() != modified) {
            k = new Kept(size, modified, Prompt.file(key));
            files.put(key, k);
        }
        return k.prompt();
    }

    /**
     * An application's tone as the engine plays it: the same frequencies, cadence and length; the
     * predefined tones at the levels of the North American precise tone plan, custom ones at
     * -10 dBm0 per frequency.
     */
    static Tone tone(dev.switchboard.api.media.Tone t) {
        List<Double> hz = t.frequencies().stream().map(Integer::doubleValue).toList();
        List<Integer> cadence = t.off().isZero() ? List.of() : List.of(millis(t.on()), millis(t.off()));
        return new Tone(hz, levelOf(t.mode()), cadence, millis(t.duration()));
    }

    private static double levelOf(ToneMode mode) {
        return switch (mode) {
            case BEEP -> Tone.BEEP.levelDbm0();
            case BUSY -> Tone.BUSY.levelDbm0();
            case RINGBACK -> Tone.RINGBACK.levelDbm0();
            case CUSTOM -> -10;
        };
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /** How many files are kept now, for tests. */
    synchronized int kept() {
        return files.size();
    }
}
