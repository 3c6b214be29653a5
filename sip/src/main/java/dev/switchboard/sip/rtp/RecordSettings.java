package dev.switchboard.sip.rtp;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a recording writes and when it stops by itself.
 *
 * @param file              the WAV file to write (8 kHz, 16-bit, mono); replaced if it exists
 * @param maxDurationMillis stop after this long; 0 for no limit
 * @param maxSilenceMillis  stop after this long with nothing above {@code silenceDbm0}; 0 for never.
 *                          The silence that ended it is cut from the end of the file
 * @param silenceDbm0       the level below which a packet counts as silence
 * @param beep              play {@link dev.switchboard.sip.media.Tone#BEEP} first, and record after it
 */
public record RecordSettings(Path file, int maxDurationMillis, int maxSilenceMillis, double silenceDbm0,
                             boolean beep) {

    /** Quieter than speech, louder than line noise. */
    public static final double DEFAULT_SILENCE_DBM0 = -40;

    public RecordSettings {
        Objects.requireNonNull(file, "file");
        if (maxDurationMillis < 0 || maxSilenceMillis < 0) {
            throw new IllegalArgumentException("maximum duration and silence must not be negative, were "
                    + maxDurationMillis + " and " + maxSilenceMillis + " ms");
        }
        if (!(silenceDbm0 < 0)) {
            throw new IllegalArgumentException("silence level must be below 0 dBm0, was " + silenceDbm0);
        }
    }

    /** No limits, the default silence level, no beep. */
    public static RecordSettings to(Path file) {
        return new RecordSettings(file, 0, 0, DEFAULT_SILENCE_DBM0, false);
    }

    public RecordSettings withMaxDuration(int millis) {
        return new RecordSettings(file, millis, maxSilenceMillis, silenceDbm0, beep);
    }

    public RecordSettings withMaxSilence(int millis) {
        return new RecordSettings(file, maxDurationMillis, millis, silenceDbm0, beep);
    }

    public RecordSettings withBeep(boolean on) {
        return new RecordSettings(file, maxDurationMillis, maxSilenceMillis, silenceDbm0, on);
    }
}
