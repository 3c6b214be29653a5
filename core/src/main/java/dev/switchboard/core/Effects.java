package dev.switchboard.core;

import dev.switchboard.api.event.CallEvent;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * What a rule does besides changing the call's model: make handles valid or invalid in their
 * applications, send events, ask the line provider to act, start and stop timeouts, end a bridge,
 * tell operators how a handoff ended. Live effects do all that; a transaction deciding its change
 * on a copy of the model uses {@link #NONE}, so that nothing is seen before commit (R21, R32).
 */
interface Effects {
    void handleCreated(Handle handle);

    void handleRemoved(Handle handle);

    void send(Handle to, CallEvent event);

    /** Runs {@code action} on the line provider once the call's lock is released; its failure is the caller's. */
    void providerAction(String what, Runnable action);

    /**
     * Runs {@code action} on the line provider once the call's lock is released. If it throws, the
     * failure is logged and {@code ifFailed} decides on the call, in a step of its own (R33): the
     * operation it started ends with FAILED instead of the application getting an error.
     */
    void providerAction(String what, Runnable action, OnFailure ifFailed);

    /** The call is over and no handle is left: forget it. */
    void callGone(Call call);

    /** A handoff took effect with {@code decision}: operators hear of its outcome. */
    void handoff(App actor, HandoffOp op, Rules.HandoffDecision decision);

    /**
     * After {@code delay}, runs {@code onTimeout} on the call (under its lock, as a step of its own)
     * unless {@link #cancelTimer} or another start for {@code op} came first. Replaces op's timeout.
     */
    void startTimer(MediaOp op, Duration delay, BiConsumer<CallModel, Effects> onTimeout);

    /** Calls off op's pending timeout, if any. */
    void cancelTimer(MediaOp op);

    /** Ends {@code bridge}; false when another step already ended it (then nothing more is to be done). */
    boolean endBridge(Bridge bridge);

    /** What to decide when a provider action failed. */
    @FunctionalInterface
    interface OnFailure {
        void decide(CallModel model, Effects fx, RuntimeException cause);
    }

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
        public void providerAction(String what, Runnable action, OnFailure ifFailed) {
        }

        @Override
        public void callGone(Call call) {
        }

        @Override
        public void handoff(App actor, HandoffOp op, Rules.HandoffDecision decision) {
        }

        @Override
        public void startTimer(MediaOp op, Duration delay, BiConsumer<CallModel, Effects> onTimeout) {
        }

        @Override
        public void cancelTimer(MediaOp op) {
        }

        @Override
        public boolean endBridge(Bridge bridge) {
            return true; // deciding on a copy: as if this step ended it, so the decision reads the same live
        }
    };
}
