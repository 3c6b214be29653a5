package dev.switchboard.api.operator;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import java.time.Instant;

/**
 * The line provider detected {@code mode} on the call and an application that monitors it was told
 * (R17). Detections nobody monitors drive nothing and are not reported.
 */
public record MediaDetected(long seq, Instant at, MediaMode mode, CallView call) implements OperatorEvent {

    @Override
    public String callId() {
        return call.callId();
    }

    @Override
    public String line() {
        return call.line();
    }
}
