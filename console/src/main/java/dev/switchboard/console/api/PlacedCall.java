package dev.switchboard.console.api;

/**
 * A call placed on the simulated switch.
 *
 * @param simulatedCallId the simulated switch's id, for the digits, media and hangup calls
 * @param callId          the adapter's call id (as in the log and in {@code GET /api/calls})
 * @param mediaModes      the call's media modes, readable, e.g. {@code UNKNOWN|G3FAX (0x22)}
 */
public record PlacedCall(String simulatedCallId, String callId, String line, String mediaModes) {
}
