package dev.switchboard.api;

import java.util.Objects;

/**
 * An operation failed. {@link #error()} says which TAPI error it is; the message names the
 * call, the application and what was wrong.
 */
public class SwitchboardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final TapiError error;

    public SwitchboardException(TapiError error, String message) {
        super(error + ": " + message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public SwitchboardException(TapiError error, String message, Throwable cause) {
        super(error + ": " + message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** Which error this is. */
    public TapiError error() {
        return error;
    }
}
