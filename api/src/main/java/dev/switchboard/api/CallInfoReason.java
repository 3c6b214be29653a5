package dev.switchboard.api;

/** Why a call-info event was sent (TAPI's LINECALLINFOSTATE_ values that Switchboard uses). */
public enum CallInfoReason {
    /** The number of owners rose (R15). */
    NUMOWNERINCR,
    /** The number of owners fell (R15). */
    NUMOWNERDECR,
    /** The number of monitors changed (R15). */
    NUMMONITORS,
    /** The call's media mode was set by an owner (R16). */
    MEDIAMODE
}
