package dev.switchboard.sip.control;

/** The outcome of a redirect or a blind transfer (R29). */
public enum ControlResult {
    SUCCESS, FAILED
}
