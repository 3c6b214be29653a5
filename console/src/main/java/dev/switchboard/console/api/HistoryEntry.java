package dev.switchboard.console.api;

import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.operator.CallUnowned;
import dev.switchboard.api.operator.HandoffOutcome;
import dev.switchboard.api.operator.HistoryEvent;
import java.util.List;

/**
 * One line of the console's history, made from one of the adapter's history events.
 *
 * @param seq         the adapter's event number: a later event of the same call has a higher one
 * @param kind        {@code HANDOFF} (took effect, at once or at commit), {@code ROLLBACK} (the handoff's
 *                    transaction rolled back: nothing changed, R21) or {@code UNOWNED} (a call nobody owns, R7)
 * @param application who handed off (HANDOFF, ROLLBACK)
 * @param target      the media mode or application handed to
 * @param result      the handoff's result as the application was told (SUCCESS, TARGETNOTFOUND, ...)
 * @param reason      what came of it, for the operator
 * @param owners      the call's owners right after the event
 */
public record HistoryEntry(long seq, String at, String kind, String callId, String line, String application,
                           String target, String result, String reason, List<String> owners) {

    static HistoryEntry of(HistoryEvent event) {
        if (event instanceof HandoffOutcome o) {
            boolean rolledBack = o.completion() == HandoffOutcome.Completion.ROLLED_BACK;
            return new HistoryEntry(o.seq(), o.at().toString(), rolledBack ? "ROLLBACK" : "HANDOFF", o.callId(),
                    o.line(), o.application(), o.target(), o.result().name(), reason(o),
                    o.call() == null ? List.of() : List.copyOf(o.call().owners()));
        }
        CallUnowned u = (CallUnowned) event;
        return new HistoryEntry(u.seq(), u.at().toString(), "UNOWNED", u.callId(), u.line(), null, null, null,
                "no application owns the call (R7)", List.of());
    }

    private static String reason(HandoffOutcome o) {
        if (o.completion() == HandoffOutcome.Completion.ROLLED_BACK) {
            return "its transaction rolled back: nothing changed (R21)";
        }
        String what;
        if (o.result() == HandoffResult.TARGETNOTFOUND) {
            what = "no application to take it (R9, R10)";
        } else if (o.result() == HandoffResult.TARGETSELF) {
            what = "the caller is first in line for it itself (R10)";
        } else if (o.movedCall()) {
            what = "given to " + o.reached();
        } else {
            what = "already its owner (R9)";
        }
        return o.completion() == HandoffOutcome.Completion.COMMITTED ? what + ", at commit" : what;
    }
}
