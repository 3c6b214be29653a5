package dev.switchboard.sip.control;

/** The states an outbound call passes before it is answered (TAPI's LINECALLSTATE names). */
public enum OutboundProgress {
    /** The network has the call: the first response to the INVITE arrived. */
    PROCEEDING,
    /** The far end is alerting: 180 Ringing or 183 Session Progress. */
    RINGBACK
}
