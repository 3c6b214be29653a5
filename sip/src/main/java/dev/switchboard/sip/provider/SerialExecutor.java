package dev.switchboard.sip.provider;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Runs one call's tasks one at a time, in the order they were submitted, on a shared pool. The
 * SIP stack delivers one call's messages on several threads and RTP arrives on another: every
 * handler of a call goes through its serial executor, so the call's state needs no lock and its
 * events reach the core in order (the SPI asks for one thread at a time per call).
 */
final class SerialExecutor implements Executor {
    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;

    SerialExecutor(Executor pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (tasks) {
            tasks.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // one failed handler must not stall the call's later messages
                SipLog.handlerFailed(e);
            }
        }
    }
}
