package dev.switchboard.api;

import dev.switchboard.api.event.CallEvent;

/**
 * The message listener an application's message-driven bean implements. Each MDB activation is
 * one application; the adapter calls {@link #onCallEvent} for every event of every call the
 * application holds a handle to, one call's events one at a time and in order.
 *
 * <p>Test the sealed {@link CallEvent} type (Java 17; on Java 21 a pattern {@code switch} reads
 * better):
 * <pre>{@code
 * public void onCallEvent(CallEvent event) {
 *     if (event instanceof CallStateEvent s && s.offersOwnership()) {
 *         takeCall(s.handle());
 *     } else if (event instanceof DigitEvent d) {
 *         onDigit(d.handle(), d.digit());
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
