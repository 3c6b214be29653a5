package dev.switchboard.api.operator;

import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import java.time.Instant;

/**
 * The call entered {@code state}, as its applications were told (a hang-up gives DISCONNECTED, then
 * IDLE, R24). {@code call} is the call after the whole change, so after a hang-up both events show it IDLE.
 */
public record CallStateChanged(long seq, Instant at, CallState state, CallView call) implements OperatorEvent {

    @Override
    public String callId() {
        return call.callId();
    }

    @Override
    public String line() {
        return call.line();
    }
}
