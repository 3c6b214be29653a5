package dev.switchboard.api;

/**
 * The outcome of a handoff that was carried out. These are results, not errors: an
 * application that probes an UNKNOWN call (R19) expects TARGETNOTFOUND and TARGETSELF.
 */
public enum HandoffResult {
    /** The call was given to the target, which now holds OWNER privilege (R11). */
    SUCCESS,
    /** The highest-priority target for the media mode is the caller itself (R10). */
    TARGETSELF,
    /** No application is there to take the call (R9, R10). */
    TARGETNOTFOUND
}
