package dev.switchboard.api.operator;

import dev.switchboard.api.CallView;
import java.time.Instant;

/**
 * No application owns the call and it is not over (R7): it arrived with no owner to take it, or its
 * last owner let go. Reported once each time the call becomes unowned; an operator may give it to
 * an application.
 */
public record CallUnowned(long seq, Instant at, CallView call) implements HistoryEvent {

    @Override
    public String callId() {
        return call.callId();
    }

    @Override
    public String line() {
        return call.line();
    }
}
