package dev.switchboard.api.operator;

import dev.switchboard.api.CallView;
import java.time.Instant;

/**
 * The call's owners or monitors changed (a handoff, a privilege change, a deallocation, an
 * application that closed or did not take the call); {@code call} lists them as they are now (R15).
 */
public record CallHoldersChanged(long seq, Instant at, CallView call) implements OperatorEvent {

    @Override
    public String callId() {
        return call.callId();
    }

    @Override
    public String line() {
        return call.line();
    }
}
