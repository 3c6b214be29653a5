package dev.switchboard.sip.rtp;

/** How a play, a digit or tone generation, a recording or a bridge ended. */
public enum Ending {
    /** It ran to its end: the last packet of the prompt or digits was sent. */
    FINISHED,
    /** Stopped on demand, or replaced by another operation of the same kind. */
    STOPPED,
    /** The stream was closed (the call ended) while it ran. */
    CALL_GONE,
    /** A recording reached its maximum duration. */
    MAX_DURATION,
    /** A recording heard nothing above its silence level for its maximum silence. */
    MAX_SILENCE,
    /** It could not go on (a recording's file could not be written). */
    FAILED
}
