package dev.switchboard.api.media;

/** The kinds of tone, as TAPI's LINETONEMODE_ values name them. */
public enum ToneMode {
    /** A short beep, as before a recording. */
    BEEP,
    /** The busy signal. */
    BUSY,
    /** The ringing the caller hears while a call is alerted. */
    RINGBACK,
    /** Frequencies and cadence given by the application. */
    CUSTOM
}
