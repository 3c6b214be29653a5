package dev.switchboard.samples;

import dev.switchboard.api.media.RecordRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the voice application records a message: after a beep, at most {@link #MAX_LENGTH}, ended
 * early by {@link #MAX_SILENCE} of silence or by {@value #TERMINATOR}, into the voicemail directory
 * ({@link SampleSettings#voicemailDir()}) as {@code <UTC time>-<call id>.wav}, so that the newest
 * sorts last, and two calls, or the same call id after a restart, never share a file.
 */
final class Voicemail {
    static final Duration MAX_LENGTH = Duration.ofSeconds(60);
    static final Duration MAX_SILENCE = Duration.ofSeconds(5);
    static final String TERMINATOR = "#";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Voicemail() {
    }

    /** The recording of a message from {@code callId}, in {@code dir}, which is made if it does not exist yet. */
    static RecordRequest request(Path dir, String callId, Instant now) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the voicemail directory " + dir + " ("
                    + SampleSettings.VOICEMAIL_DIR + "): " + e.getMessage(), e);
        }
        return RecordRequest.to(dir.resolve(fileName(callId, now)))
                .withBeep(true)
                .withMaxDuration(MAX_LENGTH)
                .withMaxSilence(MAX_SILENCE)
                .withTerminators(TERMINATOR);
    }

    /** {@code 20250101T120000.000Z-call-7.wav}; a call id with other characters than letters, digits, '-', '_' and '.' has them replaced. */
    static String fileName(String callId, Instant now) {
        return TIME.format(now) + "-" + callId.replaceAll("[^A-Za-z0-9._-]", "_") + ".wav";
    }
}
