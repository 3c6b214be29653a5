package dev.switchboard.sip.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The RTP media engine of a SIP provider: every call's stream on a fixed set of threads, whatever
 * the number of calls. {@link EngineConfig#ioThreads()} loops, each on a thread lent by the
 * executor handed in (the container's WorkManager in the adapter), read all streams' datagrams
 * with NIO selectors; one task on the shared timer paces all streams' sending. No thread is
 * created per call, in either direction.
 *
 * <p>{@link #open} makes a call's {@link RtpStream} on a bound channel; {@link RtpStream#close()}
 * ends it; {@link #close()} ends the engine and every stream still open.
 */
public final class MediaEngine implements AutoCloseable {

    private final EngineConfig config;
    private final List<IoLoop> loops = new ArrayList<>();
    private final Pacer pacer = new Pacer();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final Ticker.Ticking ticking;
    private volatile boolean closed;
    private Runnable releaseThreads = () -> { };

    /**
     * Starts the engine.
     *
     * @param ioThreads runs the I/O loops: each task it is given runs until the engine closes
     * @param ticker    the shared timer that paces sending
     */
    public MediaEngine(EngineConfig config, Executor ioThreads, Ticker ticker) throws IOException {
        this.config = Objects.requireNonNull(config, "config");
        try {
            for (int i = 0; i < config.ioThreads(); i++) {
                IoLoop loop = new IoLoop(config.threadNamePrefix() + "-io-" + i);
                loops.add(loop);
                ioThreads.execute(loop);
            }
        } catch (IOException | RejectedExecutionException e) {
            loops.forEach(IoLoop::stop);
            throw new IOException("the media engine could not start its " + config.ioThreads() + " I/O loops: " + e, e);
        }
        try {
            this.ticking = ticker.every(config.tickMillis(), pacer);
        } catch (RuntimeException e) {
            loops.forEach(IoLoop::stop);
            throw new IOException("the media engine could not start its pacing timer: " + e, e);
        }
    }

    /**
     * Starts an engine on threads of its own, made by {@code threads}: the I/O loops and one pacing
     * timer, {@code ioThreads + 1} in all. For use outside a container (tests, a standalone provider).
     */
    public static MediaEngine start(EngineConfig config, ThreadFactory threads) throws IOException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads);
        try {
            MediaEngine engine = new MediaEngine(config, loop -> threads.newThread(loop).start(), Ticker.of(timer));
            engine.releaseThreads = timer::shutdownNow;
            return engine;
        } catch (IOException | RuntimeException e) {
            timer.shutdownNow();
            throw e;
        }
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * Makes a call's stream on {@code channel}, which must be bound; the engine makes it
     * non-blocking, reads it, and closes it with the stream.
     *
     * @param name      the call's id, for logs
     * @param callbacks where the stream's completions run: the call's serial executor
     */
    public RtpStream open(String name, DatagramChannel channel, StreamSettings settings, Executor callbacks)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("the media engine is closed; no stream for " + name);
        }
        ChannelSink sink = new ChannelSink(channel);
        channel.configureBlocking(false);
        IoLoop loop = loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
        RtpStream stream = new RtpStream(name, settings, sink,
                config.tickMillis(), callbacks, closing -> {
                    pacer.remove(closing);
                    closeQuietly(channel);
                    loop.wakeup();
                });
        loop.register(channel, stream);
        pacer.add(stream);
        return stream;
    }

    /** Opens a channel on {@code local} (port 0 for any) and a stream on it. */
    public RtpStream open(String name, InetSocketAddress local, StreamSettings settings, Executor callbacks)
            throws IOException {
        DatagramChannel channel = PortRange.channelFor(local.getAddress()).bind(local);
        try {
            return open(name, channel, settings, callbacks);
        } catch (RuntimeException | IOException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** How many streams are open. */
    public int streams() {
        return pacer.size();
    }

    /** Stops pacing and reading; every open stream ends as if its call had (CALL_GONE). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticking.stop();
        pacer.forEach(RtpStream::close);
        loops.forEach(IoLoop::stop);
        releaseThreads.run();
    }

    /** Waits for the I/O loops to give their threads back; true when they all did. */
    public boolean awaitStopped(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (IoLoop loop : loops) {
            if (!loop.awaitStopped(Math.max(0, (deadline - System.nanoTime()) / 1_000_000))) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do: the port is being given up anyway
        }
    }
}
