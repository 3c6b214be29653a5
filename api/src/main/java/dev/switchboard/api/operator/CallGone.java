package dev.switchboard.api.operator;

import java.time.Instant;

/** The call is over and every application let go of it: the adapter forgot it. */
public record CallGone(long seq, Instant at, String callId, String line) implements OperatorEvent {
}
