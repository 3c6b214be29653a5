package dev.switchboard.api.media;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How to record what the caller says. The recording is written as a WAV file (8 kHz, 16-bit
 * linear PCM, mono) on the server. It ends, with one completion event (R28), after
 * {@code maxDuration} (DONE), after {@code maxSilence} of silence (SILENCE), on a terminator digit
 * (TERMDIGIT), when stopped (CANCELLED) or when the call ends (HANGUP); the event names the file
 * and the length recorded. With {@code beep} the caller hears {@link Tone#BEEP} first and the
 * recording starts after it.
 *
 * <p>Start from {@link #to(Path)} and change what differs:
 * <pre>{@code
 * RecordRequest.to(Path.of("/var/voicemail/" + callId + ".wav")).withTerminators("#").withBeep(true)
 * }</pre>
 *
 * @param file        where the WAV is written, a path on the server ending in {@code .wav}; its
 *                    directory must exist and be writable (checked when the recording is asked
 *                    for); an existing file is replaced
 * @param maxDuration the longest the recording may last
 * @param maxSilence  how much silence ends it; zero for never
 * @param terminators the digits that end it, each at most once; empty for none
 * @param beep        whether to beep before recording
 */
public record RecordRequest(String file, Duration maxDuration, Duration maxSilence, String terminators,
                            boolean beep) implements Serializable {

    /** The longest recording of {@link #to(Path)}. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(1);

    public RecordRequest {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("a recording needs a file, not '" + file + "'");
        }
        if (!file.toLowerCase(Locale.ROOT).endsWith(".wav")) {
            throw new IllegalArgumentException("recordings are written as WAV: the file '" + file
                    + "' must end in .wav");
        }
        Durations.positive("the recording's maximum duration", maxDuration);
        Durations.zeroOrPositive("the recording's maximum silence", maxSilence);
        Dtmf.requireDigitSet("the recording's terminators", terminators);
    }

    /** A recording to {@code file} of at most {@link #DEFAULT_MAX_DURATION}, no silence limit, no terminator, no beep. */
    public static RecordRequest to(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("a recording needs a file, not null");
        }
        return new RecordRequest(file.toString(), DEFAULT_MAX_DURATION, Duration.ZERO, "", false);
    }

    /** The file as a {@link Path}. */
    public Path path() {
        return Path.of(file);
    }

    public RecordRequest withMaxDuration(Duration d) {
        return new RecordRequest(file, d, maxSilence, terminators, beep);
    }

    public RecordRequest withMaxSilence(Duration d) {
        return new RecordRequest(file, maxDuration, d, terminators, beep);
    }

    public RecordRequest withTerminators(String digits) {
        return new RecordRequest(file, maxDuration, maxSilence, digits, beep);
    }

    public RecordRequest withBeep(boolean on) {
        return new RecordRequest(file, maxDuration, maxSilence, terminators, on);
    }
}
