package dev.switchboard.api;

/**
 * The state of a call, as TAPI's LINECALLSTATE_ values name them. An inbound call starts OFFERING;
 * a call an application makes (R30) starts DIALING and goes PROCEEDING, RINGBACK, CONNECTED, or ends
 * DISCONNECTED with a {@link DisconnectReason}. The outbound states come last so that the earlier
 * constants keep their positions.
 */
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
    IDLE,
    /** An outbound call (R30) is being placed; nothing has come back from the network yet. */
    DIALING,
    /** The network took the outbound call and is working on it (SIP 100 Trying). */
    PROCEEDING,
    /** The called party is being alerted (SIP 180 Ringing, 183 Session Progress). */
    RINGBACK
}
