package dev.switchboard.sip.media;

/**
 * A prompt that cannot be played: its file is missing or unreadable, or its audio format cannot
 * be converted to 8 kHz linear PCM. Checked, because the caller answers it with a FAILED
 * completion rather than a crash.
 */
public final class PromptException extends Exception {

    public PromptException(String message) {
        super(message);
    }

    public PromptException(String message, Throwable cause) {
        super(message, cause);
    }
}
