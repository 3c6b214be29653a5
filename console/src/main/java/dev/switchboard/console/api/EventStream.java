package dev.switchboard.console.api;

import dev.switchboard.console.ConsoleLog;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * One browser's {@code GET /api/events}: frames wait in a bounded queue and the stream's own thread
 * writes them in order with plain blocking writes, then completes the request when the stream ends.
 * Only that thread touches the response, so nothing else can block on a browser that stopped reading.
 *
 * <p>Why not Jakarta REST's {@code SseEventSink}: on WildFly it writes through the servlet's non-blocking
 * output, and closing such a stream after the browser has gone makes Undertow log an ERROR with a stack
 * trace (UT005088) for every browser that leaves. Leaving is normal: here the failed write simply ends
 * the stream, logged at DEBUG (SWB4020). A browser that reads too slowly is cut off once
 * {@value #MAX_PENDING} frames wait for it (SWB4021); its EventSource reconnects and reloads.
 */
final class EventStream implements Runnable {
    /** Frames that may wait for one browser: minutes of a busy switchboard. */
    static final int MAX_PENDING = 500;
    /** Put in the queue to wake the writer when the stream ends. */
    private static final byte[] END = new byte[0];

    private final AsyncContext async;
    private final OutputStream out;
    private final Consumer<EventStream> onEnd;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(MAX_PENDING + 1);
    private volatile boolean ended;
    private volatile String why = "it was closed";

    EventStream(AsyncContext async, OutputStream out, Consumer<EventStream> onEnd) {
        this.async = async;
        this.out = out;
        this.onEnd = onEnd;
        async.setTimeout(0); // a live view: no time limit; a browser that leaves is noticed at the next write
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                close("completed");
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                close("timed out");
            }

            @Override
            public void onError(AsyncEvent event) {
                close("its connection failed: " + event.getThrowable());
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // never restarted
            }
        });
    }

    /** An SSE frame: {@code event: NAME}, one {@code data:} line (JSON text has no raw line breaks), a blank line. */
    static byte[] frame(String name, String json) {
        return ("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Queues a frame for this browser; never blocks. */
    void send(byte[] frame) {
        if (ended) {
            return;
        }
        if (queue.remainingCapacity() <= 1 || !queue.offer(frame)) { // one place is kept for END
            ConsoleLog.streamFellBehind(queue.size());
            close("it fell " + MAX_PENDING + " events behind");
        }
    }

    /** Ends the stream: its thread completes the request once its current write returns. */
    void close(String reason) {
        if (ended) {
            return;
        }
        why = reason;
        ended = true;
        queue.clear();
        queue.offer(END);
    }

    boolean isEnded() {
        return ended;
    }

    /** The stream's thread: writes until the stream ends or the browser goes away. */
    @Override
    public void run() {
        try {
            for (byte[] frame = queue.take(); frame != END && !ended; frame = queue.take()) {
                out.write(frame);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the browser went away, or its connection broke: an ordinary end, not an error
            why = "the browser went away (" + e + ")";
        } catch (InterruptedException e) {
            why = "its thread was interrupted";
            Thread.currentThread().interrupt();
        } finally {
            ended = true;
            onEnd.accept(this);
            try {
                async.complete();
            } catch (RuntimeException e) {
                // the container completed it already
            }
            ConsoleLog.streamEnded(why);
        }
    }
}
