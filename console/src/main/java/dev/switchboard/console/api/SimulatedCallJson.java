package dev.switchboard.console.api;

import java.util.List;

/**
 * A live call on the simulated switch, as {@code GET /api/sim/calls/{id}} shows it.
 *
 * @param simulatedCallId the simulated switch's id
 * @param played          what the switch started playing to it, oldest first: file names ({@code menu.wav})
 *                        and tones ({@code tone:BEEP})
 * @param bridgedTo       the simulated id of the call it is bridged to, or null
 */
public record SimulatedCallJson(String simulatedCallId, List<String> played, String bridgedTo) {
}
