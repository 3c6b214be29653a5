package dev.switchboard.console.api;

import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.operator.HandoffOutcome;
import dev.switchboard.api.operator.HistoryEvent;
import dev.switchboard.api.operator.OperatorEvent;
import dev.switchboard.api.operator.OperatorStatistics;
import dev.switchboard.api.operator.OperatorSubscription;
import dev.switchboard.console.ConsoleLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.AsyncContext;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browsers' live view. Subscribed to the adapter's operator events ({@link SwitchboardOperator#subscribe})
 * once the first browser listens, it passes each one on as a server-sent event to every browser's
 * {@link EventStream}: a call event with the call as the adapter showed it, a history line, the counters
 * after a handoff. The history and the counters themselves are the adapter's
 * ({@link SwitchboardOperator#history()}, {@link SwitchboardOperator#statistics()}): the console keeps and
 * counts nothing of its own, so it shows the same whenever it starts and whichever applications are deployed.
 */
@ApplicationScoped
public class LiveFeed {

    /** The most history lines the API hands out (the adapter keeps up to 200 by default). */
    static final int HISTORY_LIMIT = 200;
    static final int RATE_WINDOW_SECONDS = 10;
    /** Browsers (live views) served at once; each holds a thread while it is open. */
    static final int MAX_STREAMS = 50;

    @Inject
    SwitchboardOperator operator;

    /** Makes each stream's writer thread, with the console's context. */
    @Resource
    ManagedThreadFactory threads;

    private final Jsonb jsonb = JsonbBuilder.create();
    private final RateWindow rates = new RateWindow();
    /** The console's own class loader, for the adapter's threads that deliver the operator events. */
    private final ClassLoader consoleLoader = LiveFeed.class.getClassLoader();
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();

    private OperatorSubscription subscription;

    // ---- subscribers

    /** Whether another browser may subscribe. */
    boolean hasRoom() {
        return streams.size() < MAX_STREAMS;
    }

    /** Adds a browser's event stream; it gets the counters at once, then every event. */
    synchronized void subscribe(AsyncContext async, OutputStream out) {
        if (subscription == null || !subscription.isOpen()) {
            subscription = operator.subscribe(this::onOperatorEvent); // again if the adapter was restarted
        }
        EventStream stream = new EventStream(async, out, streams::remove);
        stream.send(frame("stats", stats()));
        streams.add(stream);
        try {
            threads.newThread(stream).start();
        } catch (RuntimeException e) {
            streams.remove(stream);
            ConsoleLog.streamNotWritten(e);
            async.complete();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (subscription != null) {
            subscription.close(); // the adapter must not call into an undeployed console
        }
        streams.forEach(s -> s.close("the console stopped"));
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing was held open
        }
    }

    // ---- what the adapter tells

    /** One operator event, on an adapter thread; one at a time, a call's events in order. */
    void onOperatorEvent(OperatorEvent event) {
        Thread thread = Thread.currentThread();
        ClassLoader adapterLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(consoleLoader);
        try {
            if (event instanceof HistoryEvent h) {
                broadcast("history", HistoryEntry.of(h));
                if (h instanceof HandoffOutcome) {
                    broadcast("stats", stats());
                }
            } else {
                broadcast("call", CallUpdate.of(event));
            }
        } finally {
            thread.setContextClassLoader(adapterLoader);
        }
    }

    /** The priority list of a mode was changed by an operator. */
    void priorities(PriorityJson changed) {
        broadcast("priorities", changed);
    }

    /** Once a second: the counters, so that rates fall back to 0 when nothing happens. */
    void tick() {
        broadcast("stats", stats());
    }

    // ---- what the resources read

    /** The adapter's history, newest first. */
    public List<HistoryEntry> history(int limit) {
        return operator.history().stream().limit(limit).map(HistoryEntry::of).toList();
    }

    /** The adapter's counters, and rates from the samples of them taken so far (each call takes one). */
    public StatsJson stats() {
        OperatorStatistics s = operator.statistics();
        rates.record(System.currentTimeMillis() / 1000, StatsJson.rated(s));
        return StatsJson.of(s, rates.rates(RATE_WINDOW_SECONDS), RATE_WINDOW_SECONDS);
    }

    // ---- helpers

    private void broadcast(String name, Object data) {
        if (streams.isEmpty()) {
            return;
        }
        byte[] frame = frame(name, data);
        streams.forEach(s -> s.send(frame));
    }

    private byte[] frame(String name, Object data) {
        return EventStream.frame(name, jsonb.toJson(data));
    }
}
