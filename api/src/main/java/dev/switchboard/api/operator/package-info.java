/**
 * What the adapter tells its operators: a stream of {@link dev.switchboard.api.operator.OperatorEvent}s
 * fed by the same changes that send applications their events, a bounded history of handoff outcomes
 * and unowned calls, and the adapter's own counters. Reached through
 * {@link dev.switchboard.api.SwitchboardOperator}; no application needs it.
 */
package dev.switchboard.api.operator;
