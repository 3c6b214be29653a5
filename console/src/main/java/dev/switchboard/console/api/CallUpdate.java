package dev.switchboard.console.api;

/**
 * The SSE {@code call} event: an audit event about a call and the call as it is now.
 *
 * @param eventType the audit event's type ({@code CallStateEvent}, {@code CallInfoEvent}, ...)
 * @param detail    the audit event's state or reason, e.g. {@code OFFERING}, {@code NUMOWNERINCR}
 * @param call      the call now, or null when it is gone
 */
public record CallUpdate(String callId, String eventType, String detail, CallJson call) {
}
