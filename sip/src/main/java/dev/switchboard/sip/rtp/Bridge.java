package dev.switchboard.sip.rtp;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two streams joined both ways (R31): what each receives is sent out on the other. The bridge ends
 * once, with one completion: {@link Ending#STOPPED} on {@link #unbridge()}, {@link Ending#CALL_GONE}
 * when either stream closes; the other stream goes on sending its own silence. While one leg plays
 * a prompt, the other leg's audio to it is dropped, so an announcement can be made on a bridged call.
 */
public final class Bridge {

    private final RtpStream a;
    private final RtpStream b;
    private final Completion completion;
    private final AtomicBoolean ended = new AtomicBoolean();

    private Bridge(RtpStream a, RtpStream b, Completion completion) {
        this.a = a;
        this.b = b;
        this.completion = completion;
    }

    /**
     * Joins {@code a} and {@code b}; the completion runs on {@code a}'s executor.
     *
     * @throws IllegalStateException when a stream is closed or already bridged
     */
    public static Bridge join(RtpStream a, RtpStream b, Completion done) {
        if (a == b) {
            throw new IllegalArgumentException("cannot bridge " + a + " with itself");
        }
        Bridge bridge = new Bridge(a, b, done);
        if (!a.relay().attach(bridge, b)) {
            throw new IllegalStateException(a + " is already bridged");
        }
        if (!b.relay().attach(bridge, a)) {
            a.relay().detach(bridge);
            throw new IllegalStateException(b + " is already bridged");
        }
        if (a.isClosed() || b.isClosed()) {
            bridge.end(Ending.CALL_GONE);
        }
        return bridge;
    }

    /** Separates the two streams; each goes back to its own silence. */
    public boolean unbridge() {
        return end(Ending.STOPPED);
    }

    boolean end(Ending ending) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        a.relay().detach(this);
        b.relay().detach(this);
        a.callbacks().execute(() -> completion.ended(ending));
        return true;
    }

    @Override
    public String toString() {
        return "Bridge[" + a.name() + " <-> " + b.name() + "]";
    }
}
