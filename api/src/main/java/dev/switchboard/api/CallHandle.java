package dev.switchboard.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * One application's handle to one call: an opaque, unguessable value. The same call has a
 * different handle in each application, and a handle means nothing to any other application.
 */
public final class CallHandle implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String value;

    private CallHandle(String value) {
        this.value = value;
    }

    /** Rebuilds a handle from the string {@link #toString()} gave, for example after it crossed a wire. */
    public static CallHandle of(String value) {
        Objects.requireNonNull(value, "call handle value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a call handle cannot be blank");
        }
        return new CallHandle(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallHandle other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The opaque value, stable for the handle's life. */
    @Override
    public String toString() {
        return value;
    }
}
