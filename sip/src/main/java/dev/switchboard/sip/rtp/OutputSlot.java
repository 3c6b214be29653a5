package dev.switchboard.sip.rtp;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A stream's one output (R27: one play or generation at a time). Starting another ends the running
 * one as STOPPED. The pacing thread may be filling a packet of an output at the moment it is
 * stopped: that packet is still sent, so a stop takes effect within one packet time.
 */
final class OutputSlot {

    private final AtomicReference<Playback> current = new AtomicReference<>();

    void start(Playback playback) {
        Playback old = current.getAndSet(playback);
        if (old != null) {
            old.end(Ending.STOPPED);
        }
    }

    /** Ends the running output, if any, with {@code ending}; true when there was one. */
    boolean stop(Ending ending) {
        Playback old = current.getAndSet(null);
        return old != null && old.end(ending);
    }

    Playback current() {
        return current.get();
    }

    /** The pacing thread found {@code playback} at its end. */
    void finished(Playback playback) {
        if (current.compareAndSet(playback, null)) {
            playback.end(Ending.FINISHED);
        }
    }
}
