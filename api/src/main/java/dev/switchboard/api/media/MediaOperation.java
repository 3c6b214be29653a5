package dev.switchboard.api.media;

/**
 * The kinds of media operation. A call runs at most one output (PLAY, GENERATE_TONE,
 * GENERATE_DIGITS) and one input (GATHER, RECORD) at a time (R27).
 */
public enum MediaOperation {
    /** Prompts played to the caller. */
    PLAY(true),
    /** A tone generated to the caller (TAPI's lineGenerateTone). */
    GENERATE_TONE(true),
    /** DTMF digits sent to the far end (TAPI's lineGenerateDigits; RFC 4733 on SIP). */
    GENERATE_DIGITS(true),
    /** Digits collected from the caller (TAPI's lineGatherDigits). */
    GATHER(false),
    /** The caller recorded to a file. */
    RECORD(false);

    private final boolean output;

    MediaOperation(boolean output) {
        this.output = output;
    }

    /** Whether this operation sends media to the caller (otherwise it takes media from the caller). */
    public boolean isOutput() {
        return output;
    }
}
