package dev.switchboard.sip.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * One selector and the loop that serves it on a thread lent by the engine's executor: it reads the
 * datagrams of every stream registered with it and hands each to its stream. Channels are
 * registered from the loop's own thread (queued, then the selector is woken), so registering never
 * waits for a select to end. A stream is never moved to another loop, so its packets are read by
 * one thread, in order.
 */
final class IoLoop implements Runnable {

    private static final int MAX_DATAGRAM = 2048;
    /** Datagrams read from one channel before the loop looks at the others, so no stream starves the rest. */
    private static final int BURST = 32;

    private final String threadName;
    private final Selector selector;
    private final Queue<Registration> pending = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    private record Registration(DatagramChannel channel, RtpStream stream) {
    }

    IoLoop(String threadName) throws IOException {
        this.threadName = threadName;
        this.selector = Selector.open();
    }

    void register(DatagramChannel channel, RtpStream stream) {
        pending.add(new Registration(channel, stream));
        selector.wakeup();
    }

    /** A channel was closed: the selector lets go of its port on its next select. */
    void wakeup() {
        selector.wakeup();
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    boolean awaitStopped(long millis) throws InterruptedException {
        return stopped.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        Thread thread = Thread.currentThread();
        String lent = thread.getName();
        thread.setName(threadName);
        try {
            while (running) {
                selector.select();
                registerPending();
                for (SelectionKey key : selector.selectedKeys()) {
                    drain((DatagramChannel) key.channel(), (RtpStream) key.attachment());
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) { // ClosedSelectorException included
            MediaLog.ioLoopFailed(threadName, e);
        } finally {
            closeSelector();
            thread.setName(lent);
            stopped.countDown();
        }
    }

    private void registerPending() {
        Registration r;
        while ((r = pending.poll()) != null) {
            try {
                r.channel().register(selector, SelectionKey.OP_READ, r.stream());
            } catch (ClosedChannelException e) {
                // closed before its registration came round: the call is already over
            }
        }
    }

    private void drain(DatagramChannel channel, RtpStream stream) {
        for (int i = 0; i < BURST; i++) {
            buffer.clear();
            InetSocketAddress source;
            try {
                source = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                MediaLog.badPacket(stream.name(), "receive failed: " + e);
                return;
            }
            if (source == null) {
                return;
            }
            try {
                stream.receive(buffer.array(), buffer.position(), source);
            } catch (RuntimeException e) {
                MediaLog.consumerFailed(stream.name(), e); // one bad packet must not stop every call's media
            }
        }
    }

    private void closeSelector() {
        try {
            selector.close();
        } catch (IOException e) {
            MediaLog.ioLoopFailed(threadName, e);
        }
    }
}
