package dev.switchboard.sip.rtp;

/**
 * Told once how an output (play, digits, tone) or a bridge ended. Runs on the executor the stream
 * was opened with, never on an engine thread.
 */
@FunctionalInterface
public interface Completion {
    void ended(Ending ending);
}
