package dev.switchboard.api.operator;

import dev.switchboard.api.CallView;
import java.time.Instant;

/** A line provider reported a new call; {@code call} shows who it was offered to (R4-R7). */
public record CallArrived(long seq, Instant at, CallView call) implements OperatorEvent {

    @Override
    public String callId() {
        return call.callId();
    }

    @Override
    public String line() {
        return call.line();
    }
}
