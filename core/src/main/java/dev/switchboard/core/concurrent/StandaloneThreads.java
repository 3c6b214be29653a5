package dev.switchboard.core.concurrent;

import dev.switchboard.core.spi.ProviderTimer;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for line providers outside a container (unit tests, benchmarks, a switchboard built in
 * plain Java): a pool of daemon threads made on demand and ended after a minute idle, and one
 * daemon thread that waits out delays and then hands each task to the pool. Never used by the
 * resource adapter, which gives providers the container's WorkManager instead.
 */
public final class StandaloneThreads implements AutoCloseable {
    private static final long IDLE_SECONDS = 60;

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor delays;
    private final ProviderTimer timer;

    /** @param namePrefix the start of every thread's name, so a thread dump tells whose they are */
    public StandaloneThreads(String namePrefix) {
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemons(namePrefix));
        delays = new ScheduledThreadPoolExecutor(1, daemons(namePrefix + "timer-"));
        delays.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        delays.allowCoreThreadTimeOut(true);
        delays.setRemoveOnCancelPolicy(true);
        timer = (delay, task) -> {
            ScheduledFuture<?> f = delays.schedule(() -> pool.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }

    /** Short tasks; a cached pool, so long-running work never starves them either. */
    public Executor executor() {
        return pool;
    }

    /** Work that lasts as long as a call; the same pool, which grows as needed. */
    public Executor longRunningExecutor() {
        return pool;
    }

    public ProviderTimer timer() {
        return timer;
    }

    /** Stops taking work; work already running finishes on its own (a provider ends it at stop). */
    @Override
    public void close() {
        delays.shutdownNow();
        pool.shutdown();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
