package dev.switchboard.core;

import dev.switchboard.api.event.CallEvent;

/**
 * What a rule does besides changing the call's model: make handles valid or invalid in their
 * applications, send events, ask the line provider to act, tell operators how a handoff ended.
 * Live effects do all that; a transaction deciding its change on a copy of the model uses
 * {@link #NONE}, so that nothing is seen before commit (R21).
 */
interface Effects {
    void handleCreated(Handle handle);

    void handleRemoved(Handle handle);

    void send(Handle to, CallEvent event);

    /** Runs {@code action} on the line provider once the call's lock is released. */
    void providerAction(String what, Runnable action);

    /** The call is over and no handle is left: forget it. */
    void callGone(Call call);

    /** A handoff took effect with {@code decision}: operators hear of its outcome. */
    void handoff(App actor, HandoffOp op, Rules.HandoffDecision decision);

    Effects NONE = new Effects() {
        @Override
        public void handleCreated(Handle handle) {
        }

        @Override
        public void handleRemoved(Handle handle) {
        }

        @Override
        public void send(Handle to, CallEvent event) {
        }

        @Override
        public void providerAction(String what, Runnable action) {
        }

        @Override
        public void callGone(Call call) {
        }

        @Override
        public void handoff(App actor, HandoffOp op, Rules.HandoffDecision decision) {
        }
    };
}
