package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private final AtomicInteger completed = new AtomicInteger();
    private final List<AsyncListener> listeners = new CopyOnWriteArrayList<>();
    private final List<EventStream> ended = new CopyOnWriteArrayList<>();

    @Test
    void aClosedStreamWritesNothingMoreAndCompletesTheRequest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(async(), out, ended::add);
        stream.send(EventStream.frame("stats", "{\"calls\":1}"));
        stream.close("the console stopped");
        stream.run();

        assertThat(out.size()).isZero();
        assertThat(completed).hasValue(1);
        assertThat(ended).containsExactly(stream);
    }

    @Test
    void theWriterWritesEachFrameThenStopsAtTheEnd() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(async(), out, ended::add);
        Thread writer = new Thread(stream);
        stream.send(EventStream.frame("stats", "{\"calls\":1}"));
        writer.start();
        stream.send(EventStream.frame("call", "{\"callId\":\"call-1\"}"));
        await().until(() -> out.toString(StandardCharsets.UTF_8).contains("call-1"));
        stream.close("test over");
        writer.join(5000);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "event: stats\ndata: {\"calls\":1}\n\nevent: call\ndata: {\"callId\":\"call-1\"}\n\n");
        assertThat(writer.isAlive()).isFalse();
        assertThat(completed).hasValue(1);
    }

    @Test
    void aBrowserThatWentAwayEndsItsStreamQuietly() throws Exception {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        EventStream stream = new EventStream(async(), gone, ended::add);
        stream.send(EventStream.frame("stats", "{}"));
        stream.run(); // returns: the write failed

        assertThat(stream.isEnded()).isTrue();
        assertThat(ended).containsExactly(stream);
        assertThat(completed).hasValue(1);
        stream.send(EventStream.frame("stats", "{}")); // later events are dropped, nothing thrown
    }

    @Test
    void aBrowserThatStopsReadingIsCutOffOnceItsQueueIsFull() {
        EventStream stream = new EventStream(async(), new ByteArrayOutputStream(), ended::add);
        for (int i = 0; i < EventStream.MAX_PENDING + 5; i++) {
            stream.send(EventStream.frame("stats", "{}"));
        }
        assertThat(stream.isEnded()).isTrue();
    }

    private AsyncContext async() {
        return (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AsyncContext.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "complete" -> completed.incrementAndGet();
                        case "addListener" -> listeners.add((AsyncListener) args[0]);
                        default -> {
                            // setTimeout and the rest: nothing to do
                        }
                    }
                    return null;
                });
    }
}
