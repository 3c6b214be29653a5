package dev.switchboard.api.operator;

import dev.switchboard.api.CallView;
import java.time.Instant;

/** An owner set the call's media mode (R16); {@code call.mediaModes()} holds the new bits. */
public record CallMediaChanged(long seq, Instant at, CallView call) implements OperatorEvent {

    @Override
    public String callId() {
        return call.callId();
    }

    @Override
    public String line() {
        return call.line();
    }
}
