package dev.switchboard.bench;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.EventSink;

/**
 * An application's event sink for the benchmarks. While measuring it does (almost) nothing: the
 * point is to include the core's cost of making and delivering each event, not an application's.
 *
 * <p>During set-up it remembers the handle of the last OFFERING event, so the fixture learns the
 * handles it needs. With {@code deallocateOnIdle} it deallocates its handle when the call goes
 * IDLE, as a well-behaved application does (R24); the offering benchmarks use that to tear calls
 * down.
 */
final class BenchSink implements EventSink {
    private final boolean deallocateOnIdle;
    private volatile boolean recording = true;
    private volatile CallHandle lastOffered;
    private ApplicationSession session;

    BenchSink(boolean deallocateOnIdle) {
        this.deallocateOnIdle = deallocateOnIdle;
    }

    void attach(ApplicationSession session) {
        this.session = session;
    }

    /** The handle of the last OFFERING event seen while recording. */
    CallHandle takeLastOffered() {
        CallHandle h = lastOffered;
        if (h == null) {
            throw new IllegalStateException("no OFFERING event reached " + session);
        }
        lastOffered = null;
        return h;
    }

    /** Stops remembering handles: from now on only IDLE (with deallocateOnIdle) does anything. */
    void stopRecording() {
        recording = false;
    }

    @Override
    public void deliver(CallEvent event) {
        if (event instanceof CallStateEvent cs) {
            if (cs.state() == CallState.IDLE) {
                if (deallocateOnIdle) {
                    session.control().deallocate(cs.handle());
                }
            } else if (recording && cs.state() == CallState.OFFERING) {
                lastOffered = cs.handle();
            }
        }
    }
}
