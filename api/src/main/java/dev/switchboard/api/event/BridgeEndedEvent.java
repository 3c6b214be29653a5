package dev.switchboard.api.event;

import dev.switchboard.api.CallHandle;

/**
 * A bridge the application made ended (R31): one event, on the application's handle of the call
 * that ended (or, after {@code unbridge}, of the call it named). The other call stays up, with
 * its own owners and handles.
 *
 * @param bridgeId    the id {@code bridge} returned
 * @param otherHandle the application's handle of the other call, or null when it no longer holds one
 * @param otherCallId the adapter-wide id of the other call
 */
public record BridgeEndedEvent(CallHandle handle, String callId, String line, String bridgeId,
                               CallHandle otherHandle, String otherCallId, Reason reason) implements CallEvent {

    /** Why the bridge ended. */
    public enum Reason {
        /** An owner called {@code unbridge}. */
        UNBRIDGED,
        /** One of the two calls ended. */
        HANGUP,
        /** The line could not join or keep joining the calls (R33); both calls are as they were. */
        FAILED
    }
}
