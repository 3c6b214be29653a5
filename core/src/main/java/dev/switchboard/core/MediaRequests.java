package dev.switchboard.core;

import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.media.AudioFile;
import dev.switchboard.api.media.Dtmf;
import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.media.AudioFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what an application asks for before the call is even locked: a request that is wrong in
 * itself (a prompt file that is missing or not a supported WAV, a recording directory that does
 * not exist, digits that are not DTMF, no destination) is INVALPARAM, naming the call, the
 * application and what is wrong, and nothing reaches the line. Paths come back absolute, so that a
 * provider never resolves them against a working directory of its own.
 */
final class MediaRequests {
    private MediaRequests() {
    }

    static List<Prompt> prompts(Call call, App app, List<Prompt> prompts) {
        if (prompts == null || prompts.isEmpty()) {
            throw invalid(call, app, "play needs at least one prompt");
        }
        List<Prompt> out = new ArrayList<>(prompts.size());
        for (Prompt p : prompts) {
            out.add(prompt(call, app, p));
        }
        return List.copyOf(out);
    }

    static GatherRequest gather(Call call, App app, GatherRequest request) {
        if (request == null) {
            throw invalid(call, app, "a gather needs a GatherRequest, not null");
        }
        if (request.prompts().isEmpty()) {
            return request;
        }
        return request.withPrompts(prompts(call, app, request.prompts()).toArray(Prompt[]::new));
    }

    static RecordRequest recording(Call call, App app, RecordRequest request) {
        if (request == null) {
            throw invalid(call, app, "a recording needs a RecordRequest, not null");
        }
        Path file = request.path().toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw invalid(call, app, "the recording's directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw invalid(call, app, "the server may not write to the recording's directory " + dir);
        }
        if (Files.isDirectory(file)) {
            throw invalid(call, app, "the recording's file " + file + " is a directory");
        }
        return new RecordRequest(file.toString(), request.maxDuration(), request.maxSilence(), request.terminators(),
                request.beep());
    }

    static String digits(Call call, App app, String digits) {
        try {
            return Dtmf.requireDigits("the digits to generate", digits, false);
        } catch (IllegalArgumentException e) {
            throw invalid(call, app, e.getMessage());
        }
    }

    static Tone tone(Call call, App app, Tone tone) {
        if (tone == null) {
            throw invalid(call, app, "generating a tone needs a Tone, not null");
        }
        return tone;
    }

    static String destination(Call call, App app, String destination) {
        if (destination == null || destination.isBlank()) {
            throw invalid(call, app, "a destination is needed, not '" + destination + "'");
        }
        return destination.trim();
    }

    private static Prompt prompt(Call call, App app, Prompt p) {
        if (p == null) {
            throw invalid(call, app, "a prompt is null");
        }
        if (p instanceof AudioFile f) {
            Path path = f.toPath().toAbsolutePath().normalize();
            try {
                AudioFiles.check(path);
            } catch (IllegalArgumentException e) {
                throw invalid(call, app, e.getMessage());
            }
            return Prompt.file(path);
        }
        return p;
    }

    private static SwitchboardException invalid(Call call, App app, String what) {
        return new SwitchboardException(TapiError.INVALPARAM, "call " + call + ", application '" + app.name + "': "
                + what);
    }
}
