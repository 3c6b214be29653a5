package dev.switchboard.core;

/**
 * What an operator's monitoring wants to know of a switchboard: gauges of now and counters since
 * it started.
 *
 * @param lines                   lines served
 * @param applications            open applications
 * @param liveCalls               calls not yet gone
 * @param unownedCalls            live calls without an owner (R7)
 * @param callsOffered            calls the line providers reported
 * @param handoffsSucceeded       handoffs that gave a call to another application, committed ones included
 * @param handoffsTargetNotFound  handoffs that found no target (R9, R10)
 * @param handoffsTargetSelf      media-mode handoffs whose target was the caller (R10)
 * @param handoffsRolledBack      staged handoffs dropped because their unit of work rolled back (R21)
 * @param offersRefused           ownership offers an application failed to take (R23)
 * @param transactionsCommitted   units of work committed (R21)
 * @param transactionsRolledBack  units of work rolled back (R21)
 * @param providerCalls           calls the line providers still hold (for SIP: dialogs not yet ended); with
 *                                no call up it is 0, or a provider has leaked one
 * @param providerMediaPorts      media sockets the line providers hold open (for SIP: RTP ports); likewise
 */
public record SwitchboardStatistics(int lines, int applications, int liveCalls, int unownedCalls,
                                    long callsOffered, long handoffsSucceeded, long handoffsTargetNotFound,
                                    long handoffsTargetSelf, long handoffsRolledBack, long offersRefused,
                                    long transactionsCommitted, long transactionsRolledBack, int providerCalls,
                                    int providerMediaPorts) {
}
