package dev.switchboard.api.event;

import dev.switchboard.api.CallHandle;
import java.io.Serializable;

/**
 * An event about one call, addressed to one application through that application's handle.
 * Events of one call reach an application in the order they happened.
 */
public sealed interface CallEvent extends Serializable
        permits CallStateEvent, CallInfoEvent, MediaDetectedEvent, DigitEvent, MediaCompletedEvent,
        TransferResultEvent, BridgeEndedEvent {

    /** The receiving application's handle to the call. */
    CallHandle handle();

    /** The adapter-wide id of the call (the same in every application's events). */
    String callId();

    /** The line the call is on. */
    String line();
}
