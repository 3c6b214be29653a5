package dev.switchboard.api;

/** The state of a call, as TAPI's LINECALLSTATE_ values name them. */
public enum CallState {
    /** A new call that has not been accepted or answered. */
    OFFERING,
    /** An owner has accepted the call (it rings, but is not yet answered). */
    ACCEPTED,
    /** The call is answered and media flows. */
    CONNECTED,
    /** The call is on hold. */
    ONHOLD,
    /** The remote party has hung up, or the call was dropped. */
    DISCONNECTED,
    /** The call is over; nothing more happens on it. Handles stay valid until deallocated. */
    IDLE
}
