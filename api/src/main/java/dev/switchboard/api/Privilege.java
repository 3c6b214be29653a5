package dev.switchboard.api;

/** What a call handle allows its application to do (TAPI's LINECALLPRIVILEGE_). */
public enum Privilege {
    /** May act on the call: hand off, set media mode, answer, drop. */
    OWNER,
    /** May watch the call: events, media and digit monitoring, and claim ownership. */
    MONITOR
}
