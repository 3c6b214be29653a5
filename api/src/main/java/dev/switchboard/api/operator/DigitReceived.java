package dev.switchboard.api.operator;

import dev.switchboard.api.CallView;
import java.time.Instant;

/**
 * The caller pressed {@code digit} and an application that monitors digits was told (R18). Digits
 * nobody monitors drive nothing and are not reported.
 */
public record DigitReceived(long seq, Instant at, char digit, CallView call) implements OperatorEvent {

    @Override
    public String callId() {
        return call.callId();
    }

    @Override
    public String line() {
        return call.line();
    }
}
