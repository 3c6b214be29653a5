package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.ProviderTimer;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The clocks that end a call whose caller has gone: the maximum call length, the RFC 4028 session
 * timer (the expiry, and this side's refresh when it is the refresher) and the RTP inactivity
 * timeout. Each waits on the provider's timer ({@link ProviderTimer}, the container's inside the
 * adapter) and runs its check on the call's serial executor, like every other handler of the
 * call, so nothing here needs a lock: every method is called on that executor too. A check that
 * fires after its clock was set again or stopped is recognised by its generation and does nothing.
 */
final class CallTimers {
    private final String callId;
    private final ProviderTimer timer;
    private final Consumer<Runnable> onCallExecutor;
    private final Slot maxLength = new Slot("its maximum-length timer");
    private final Slot expiry = new Slot("its session timer");
    private final Slot refresh = new Slot("its session refresh");
    private final Slot rtp = new Slot("its RTP timeout");

    /**
     * @param onCallExecutor runs a check on the call's serial executor
     */
    CallTimers(String callId, ProviderTimer timer, Consumer<Runnable> onCallExecutor) {
        this.callId = callId;
        this.timer = timer;
        this.onCallExecutor = onCallExecutor;
    }

    /** Runs {@code reached} {@code seconds} from now; 0 = never. */
    void limitLength(int seconds, Runnable reached) {
        if (seconds > 0) {
            maxLength.arm(Duration.ofSeconds(seconds), reached);
        }
    }

    /**
     * Starts the session timer again from now, as after every successful refresh: {@code expired}
     * runs at the agreement's expiry unless the session is refreshed before, and, when this side is
     * the refresher, {@code refreshNow} at half the interval. {@code agreed} null stops both.
     */
    void sessionRefreshed(SessionTimer.Agreement agreed, Runnable refreshNow, Runnable expired) {
        if (agreed == null) {
            expiry.cancel();
            refresh.cancel();
            return;
        }
        expiry.arm(agreed.expiry(), expired);
        if (agreed.weRefresh()) {
            refresh.arm(agreed.refreshDue(), refreshNow);
        } else {
            refresh.cancel();
        }
    }

    /** Tries this side's refresh again after {@code pause} (a 491, a refresh that could not be sent). */
    void refreshAgainIn(Duration pause, Runnable refreshNow) {
        refresh.arm(pause, refreshNow);
    }

    /**
     * Watches the call's media from now: {@code silent} runs once {@code seconds} pass without a
     * datagram ({@code lastDatagramNanos} is when the last one arrived, by {@link System#nanoTime}).
     * 0 = never. Called again (a resumed hold) it starts counting afresh.
     */
    void watchRtp(int seconds, LongSupplier lastDatagramNanos, Runnable silent) {
        if (seconds <= 0) {
            return;
        }
        long timeout = Duration.ofSeconds(seconds).toNanos();
        long since = System.nanoTime();
        rtp.arm(Duration.ofNanos(timeout), new Runnable() {
            @Override
            public void run() {
                long quietFor = System.nanoTime() - Math.max(since, lastDatagramNanos.getAsLong());
                if (quietFor >= timeout) {
                    silent.run();
                } else {
                    rtp.arm(Duration.ofNanos(timeout - quietFor), this);
                }
            }
        });
    }

    /** No RTP is expected any more (hold, T.38). */
    void stopRtp() {
        rtp.cancel();
    }

    /** The call has ended. */
    void stopAll() {
        maxLength.cancel();
        expiry.cancel();
        refresh.cancel();
        rtp.cancel();
    }

    /** One clock: at most one pending check, replaced when armed again. */
    private final class Slot {
        private final String what;
        private ProviderTimer.Scheduled scheduled;
        private int generation;

        Slot(String what) {
            this.what = what;
        }

        void arm(Duration delay, Runnable check) {
            cancel();
            int armedAs = generation;
            try {
                scheduled = timer.schedule(delay, () -> onCallExecutor.accept(() -> {
                    if (generation == armedAs) {
                        scheduled = null;
                        check.run();
                    }
                }));
            } catch (RejectedExecutionException e) {
                SipLog.refused(callId, what, "the call is not ended by it", e);
            }
        }

        void cancel() {
            generation++;
            if (scheduled != null) {
                scheduled.cancel();
                scheduled = null;
            }
        }
    }
}
