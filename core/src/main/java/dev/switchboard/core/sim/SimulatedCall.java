package dev.switchboard.core.sim;

/**
 * A call placed on a {@link Simulator}.
 *
 * @param simulatedCallId the simulator's id, to press digits, detect media and hang up
 * @param callId          the switchboard's call id, as applications, operators and logs see it
 */
public record SimulatedCall(String simulatedCallId, String callId) {
}
