package dev.switchboard.api.operator;

/** A listener's subscription to the operator events; closing it stops delivery and drops what is queued. */
public interface OperatorSubscription extends AutoCloseable {

    /** Whether events are still delivered. */
    boolean isOpen();

    @Override
    void close();
}
