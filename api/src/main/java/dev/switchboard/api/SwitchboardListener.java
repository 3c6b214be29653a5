package dev.switchboard.api;

import dev.switchboard.api.event.CallEvent;

/**
 * The message listener an application's message-driven bean implements. Each MDB activation is
 * one application; the adapter calls {@link #onCallEvent} for every event of every call the
 * application holds a handle to, one call's events one at a time and in order.
 *
 * <p>Switch on the sealed {@link CallEvent} type:
 * <pre>{@code
 * public void onCallEvent(CallEvent event) {
 *     switch (event) {
 *         case CallStateEvent s when s.offersOwnership() -> takeCall(s.handle());
 *         case DigitEvent d -> onDigit(d.handle(), d.digit());
 *         default -> { }
 *     }
 * }
 * }</pre>
 *
 * <p>Throwing (or rolling back the delivery's transaction) from an OFFERING event that makes the
 * application an owner means it did not take the call: the adapter retries as configured, then
 * offers the call to the next application by priority (R23).
 */
public interface SwitchboardListener {
    void onCallEvent(CallEvent event);
}
