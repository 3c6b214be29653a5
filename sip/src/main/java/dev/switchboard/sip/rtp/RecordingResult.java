package dev.switchboard.sip.rtp;

import java.nio.file.Path;

/**
 * How a recording ended and what it left.
 *
 * @param lengthMillis the audio in the file (0 when nothing was written)
 * @param failure      why the file could not be written, for {@link Ending#FAILED}; otherwise null
 */
public record RecordingResult(Ending ending, Path file, long lengthMillis, String failure) {

    /** Told once how a recording ended, after its file is complete; runs on the stream's executor. */
    @FunctionalInterface
    public interface Callback {
        void ended(RecordingResult result);
    }
}
