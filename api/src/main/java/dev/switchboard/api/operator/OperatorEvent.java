package dev.switchboard.api.operator;

import java.io.Serializable;
import java.time.Instant;

/**
 * Something an operator should know about one call: it arrived, changed state, media mode or
 * holders, a media mode or a digit was detected on it, a handoff ended, it was left without an
 * owner, it is gone. Made under the call's lock from the same changes that send applications
 * their events, so one call's operator events come in the order the changes happened.
 *
 * <p>Events that carry a {@link dev.switchboard.api.CallView} show the call as it was right after
 * the change, owners and monitors included, so an operator's view needs no second look-up.
 */
public sealed interface OperatorEvent extends Serializable
        permits CallArrived, CallStateChanged, CallMediaChanged, CallHoldersChanged, MediaDetected,
        DigitReceived, CallGone, HistoryEvent {

    /** Increasing over the adapter's life: a later event of the same call has a higher number. */
    long seq();

    /** When the adapter made the event. */
    Instant at();

    /** The adapter-wide call id. */
    String callId();

    /** The line the call is on. */
    String line();
}
