package dev.switchboard.sip.rtp;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running output and the promise to tell its owner, exactly once, how it ended. Whoever ends it
 * first (the pacing thread at its end, a stop, a replacement, the call's end) decides the ending;
 * later attempts do nothing.
 */
final class Playback {

    final Output output;
    private final Completion completion;
    private final Executor callbacks;
    private final AtomicBoolean ended = new AtomicBoolean();

    Playback(Output output, Completion completion, Executor callbacks) {
        this.output = output;
        this.completion = completion;
        this.callbacks = callbacks;
    }

    /** Ends it with {@code ending} unless it has ended already; true when this call ended it. */
    boolean end(Ending ending) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        callbacks.execute(() -> completion.ended(ending));
        return true;
    }
}
