package dev.switchboard.api.operator;

import dev.switchboard.api.CallView;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import java.time.Instant;

/**
 * How a handoff ended: made at once outside a transaction, applied when its transaction committed,
 * or dropped when it rolled back (R21; a rolled-back handoff sends applications nothing, so this is
 * its only trace).
 *
 * @param application       the application that handed the call off
 * @param targetApplication the application named by a directed handoff (R9), or null
 * @param targetMode        the media mode named by a media-mode handoff (R10), or null
 * @param result            the result the application was given (for a rolled-back handoff: the one it
 *                          was given when it staged it)
 * @param reached           the application that got the call, or null when none did
 * @param call              the call right after the outcome
 */
public record HandoffOutcome(long seq, Instant at, String callId, String line, String application,
                             String targetApplication, MediaMode targetMode, HandoffResult result, String reached,
                             Completion completion, CallView call) implements HistoryEvent {

    /** When the handoff took effect, if it did. */
    public enum Completion {
        /** Outside a transaction: it took effect when it was made. */
        IMMEDIATE,
        /** Staged in a transaction that committed: it took effect at commit. */
        COMMITTED,
        /** Staged in a transaction that rolled back: nothing changed (R21). */
        ROLLED_BACK
    }

    /** The target as the application named it: an application name or a media mode's name. */
    public String target() {
        return targetMode != null ? targetMode.name() : targetApplication;
    }

    /** Whether the call went to another application. */
    public boolean movedCall() {
        return completion != Completion.ROLLED_BACK && result == HandoffResult.SUCCESS && reached != null
                && !reached.equals(application);
    }
}
