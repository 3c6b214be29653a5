package dev.switchboard.console.api;

/**
 * One line of the console's history.
 *
 * @param seq         increasing number, newest highest
 * @param kind        {@code HANDOFF} (committed), {@code ROLLBACK} (the handoff's transaction rolled
 *                    back: nothing changed, R21) or {@code UNOWNED} (a call nobody owns, R7)
 * @param application who handed off (HANDOFF, ROLLBACK)
 * @param target      the media mode or application handed to
 * @param result      the handoff's result as the application was told (SUCCESS, TARGETNOTFOUND, ...)
 * @param owners      for UNOWNED and after a handoff: the call's owners as the console saw them
 */
public record HistoryEntry(long seq, String at, String kind, String callId, String line, String application,
                           String target, String result, String reason, java.util.List<String> owners) {
}
