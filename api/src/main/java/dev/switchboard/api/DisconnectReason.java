package dev.switchboard.api;

/**
 * Why a call was disconnected, as TAPI's LINEDISCONNECTMODE_ values name them (plus TRANSFERRED).
 * A {@link dev.switchboard.api.event.CallStateEvent} in state DISCONNECTED carries one; an
 * outbound call that never connected says here why (R30).
 */
public enum DisconnectReason {
    /** An ordinary end: a party hung up, or an owner dropped the call. */
    NORMAL,
    /** The line gave no reason, or failed (R33). */
    UNKNOWN,
    /** The called party rejected the call. */
    REJECT,
    /** The called party was busy. */
    BUSY,
    /** The called party did not answer in time. */
    NOANSWER,
    /** The destination could not be reached. */
    UNREACHABLE,
    /** The destination address is not valid. */
    BADADDRESS,
    /** The network was congested. */
    CONGESTION,
    /** The destination is not available (for example not registered). */
    UNAVAIL,
    /** The call left the switchboard by redirect or blind transfer (R29). Not a TAPI value. */
    TRANSFERRED
}
