package dev.switchboard.console.api;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.operator.CallArrived;
import dev.switchboard.api.operator.CallGone;
import dev.switchboard.api.operator.CallHoldersChanged;
import dev.switchboard.api.operator.CallMediaChanged;
import dev.switchboard.api.operator.CallStateChanged;
import dev.switchboard.api.operator.DigitReceived;
import dev.switchboard.api.operator.MediaDetected;
import dev.switchboard.api.operator.OperatorEvent;

/**
 * The SSE {@code call} event: an operator event about a call and the call right after it.
 *
 * @param eventType the operator event's type ({@code CallArrived}, {@code CallStateChanged},
 *                  {@code CallHoldersChanged}, {@code CallMediaChanged}, {@code MediaDetected},
 *                  {@code DigitReceived}, {@code CallGone})
 * @param detail    what changed, e.g. {@code CONNECTED}, {@code owners [fax], monitors [audit]}, {@code 9}
 * @param call      the call then, or null when it is gone
 */
public record CallUpdate(String callId, String eventType, String detail, CallJson call) {

    static CallUpdate of(OperatorEvent e) {
        String detail;
        CallView view;
        if (e instanceof CallArrived a) {
            view = a.call();
            detail = view.state().name();
        } else if (e instanceof CallStateChanged s) {
            view = s.call();
            detail = s.state().name();
        } else if (e instanceof CallHoldersChanged h) {
            view = h.call();
            detail = "owners " + view.owners() + ", monitors " + view.monitors();
        } else if (e instanceof CallMediaChanged m) {
            view = m.call();
            detail = MediaMode.describe(view.mediaModes());
        } else if (e instanceof MediaDetected d) {
            view = d.call();
            detail = d.mode().name();
        } else if (e instanceof DigitReceived d) {
            view = d.call();
            detail = String.valueOf(d.digit());
        } else if (e instanceof CallGone) {
            view = null;
            detail = "gone";
        } else {
            throw new IllegalArgumentException("not a call event: " + e);
        }
        return new CallUpdate(e.callId(), e.getClass().getSimpleName(), detail, view == null ? null : CallJson.of(view));
    }
}
