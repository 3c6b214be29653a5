package dev.switchboard.api.operator;

/**
 * The events the adapter keeps in its bounded history (see
 * {@link dev.switchboard.api.SwitchboardOperator#history()}), so that an operator who looks late
 * still sees what was handed to whom and which calls nobody took.
 */
public sealed interface HistoryEvent extends OperatorEvent permits HandoffOutcome, CallUnowned {
}
