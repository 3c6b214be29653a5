package dev.switchboard.api;

import java.io.Serializable;

/**
 * A snapshot of a call as one application sees it through its handle (TAPI's LINECALLINFO).
 *
 * @param handle      the asking application's handle
 * @param callId      the adapter-wide id of the call, the same for every application (for logs and operators)
 * @param line        the line the call is on
 * @param mediaModes  the call's media-mode bits
 * @param state       the call state
 * @param privilege   the asking application's privilege
 * @param numOwners   how many applications hold OWNER handles
 * @param numMonitors how many applications hold MONITOR handles
 * @param callerId    the remote party's address, or empty when unknown
 * @param calledId    the address that was called, or empty when unknown
 */
public record CallInfo(CallHandle handle, String callId, String line, int mediaModes, CallState state,
                       Privilege privilege, int numOwners, int numMonitors, String callerId,
                       String calledId) implements Serializable {
}
