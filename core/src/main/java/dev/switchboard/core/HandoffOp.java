package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.MediaMode;

/**
 * A handoff as an operation on a call's model: to a named application (R9) or by media mode
 * (R10). Unlike the other operations it keeps what was asked, because its outcome is reported to
 * operators through {@link Effects#handoff} when it takes effect (live or at commit), and by the
 * unit of work when it is rolled back.
 */
final class HandoffOp implements Op<Rules.HandoffDecision> {
    private final Rules rules;
    private final CallHandle handle;
    private final boolean byMediaMode;
    private final String targetApplication;
    private final int targetMode;

    private HandoffOp(Rules rules, CallHandle handle, boolean byMediaMode, String targetApplication, int targetMode) {
        this.rules = rules;
        this.handle = handle;
        this.byMediaMode = byMediaMode;
        this.targetApplication = targetApplication;
        this.targetMode = targetMode;
    }

    static HandoffOp toApplication(Rules rules, CallHandle handle, String target) {
        return new HandoffOp(rules, handle, false, target, 0);
    }

    static HandoffOp toMediaMode(Rules rules, CallHandle handle, int mediaMode) {
        return new HandoffOp(rules, handle, true, null, mediaMode);
    }

    @Override
    public Rules.HandoffDecision apply(CallModel model, App actor, Effects fx) {
        Rules.HandoffDecision decision = byMediaMode
                ? rules.handoffToMediaMode(model, actor, handle, targetMode, fx)
                : rules.handoffToApplication(model, actor, handle, targetApplication, fx);
        fx.handoff(actor, this, decision);
        return decision;
    }

    /** The media mode asked for, or null for a directed handoff (a mode is single once the rules accepted it). */
    MediaMode mode() {
        return byMediaMode && MediaMode.isSingleMode(targetMode) ? MediaMode.ofBit(targetMode) : null;
    }

    /** The application asked for, or null for a media-mode handoff. */
    String application() {
        return byMediaMode ? null : targetApplication;
    }

    /** For messages: {@code handoff to 'fax'} or {@code handoff to G3FAX (0x20)}. */
    String describe() {
        return byMediaMode ? "handoff to " + MediaMode.describe(targetMode) : "handoff to '" + targetApplication + "'";
    }
}
