package dev.switchboard.api.operator;

/**
 * Receives the adapter's operator events (see {@link dev.switchboard.api.SwitchboardOperator#subscribe}).
 * Called on a thread of the adapter, one event at a time, one call's events in order. It should
 * return quickly: the adapter queues a bounded number of events for a slow listener and drops the
 * rest (logged), and an exception is logged and the next event delivered. Neither ever delays or
 * fails a call.
 */
@FunctionalInterface
public interface OperatorListener {
    void onOperatorEvent(OperatorEvent event);
}
