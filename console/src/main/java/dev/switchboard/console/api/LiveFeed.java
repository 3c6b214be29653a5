package dev.switchboard.console.api;

import dev.switchboard.api.SwitchboardOperator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the console knows beyond the adapter's own view: the history of handoffs and rollbacks, the
 * counters, and the browsers listening for server-sent events. Fed by {@link AuditFeed} with every
 * message of the audit topic, in order (the feed has one session); it looks a call up in the adapter
 * only when an event about that call arrives, never in a loop.
 */
@ApplicationScoped
public class LiveFeed {

    static final int HISTORY_SIZE = 200;
    static final int RATE_WINDOW_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger("dev.switchboard.console");

    @Inject
    SwitchboardOperator operator;

    private final Jsonb jsonb = JsonbBuilder.create();
    private final Deque<HistoryEntry> history = new ArrayDeque<>();
    private final AtomicLong seq = new AtomicLong();
    /** Calls seen and not yet IDLE, and whether the console has reported them unowned (R7). */
    private final Map<String, Boolean> live = new ConcurrentHashMap<>();
    private final RollingCounter calls = new RollingCounter();
    private final RollingCounter handoffs = new RollingCounter();
    private final RollingCounter failures = new RollingCounter();
    private final RollingCounter rollbacks = new RollingCounter();
    private final LongSupplier clock = () -> System.currentTimeMillis() / 1000;

    private Sse sse;
    private SseBroadcaster broadcaster;

    // ---- subscribers

    /** Adds a browser's event stream; it gets the counters at once, then every event. */
    public synchronized void subscribe(Sse sse, SseEventSink sink) {
        if (broadcaster == null) {
            this.sse = sse;
            this.broadcaster = sse.newBroadcaster();
            broadcaster.onError((s, e) -> LOG.log(Level.FINE, "an event stream failed; it is dropped", e));
        }
        sink.send(event("stats", stats()));
        broadcaster.register(sink);
    }

    @PreDestroy
    synchronized void close() {
        if (broadcaster != null) {
            broadcaster.close();
        }
        jsonbClose();
    }

    private void jsonbClose() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing JSON-B", e);
        }
    }

    // ---- what the feed is told

    /** One message of the audit topic: a call event of the audit monitor, or a handoff outcome. */
    void onAudit(String body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        }
        if ("HandoffOutcome".equals(json.getString("type", ""))) {
            onHandoff(json);
        } else {
            onCallEvent(json);
        }
    }

    private void onCallEvent(JsonObject json) {
        String callId = json.getString("callId", null);
        if (callId == null) {
            return;
        }
        String type = json.getString("type", "");
        String detail = json.getString("state", json.getString("reason", json.getString("mode",
                json.getString("digit", ""))));
        if (live.putIfAbsent(callId, Boolean.FALSE) == null) {
            calls.increment(clock.getAsLong());
        }
        CallJson call = operator.call(callId).map(CallJson::of).orElse(null);
        if (call == null || "IDLE".equals(call.state()) || ("CallStateEvent".equals(type) && "IDLE".equals(detail))) {
            live.remove(callId);
        } else if (call.unowned() && !"IDLE".equals(call.state()) && !"DISCONNECTED".equals(call.state())
                && live.replace(callId, Boolean.FALSE, Boolean.TRUE)) {
            add(new HistoryEntry(seq.incrementAndGet(), Instant.now().toString(), "UNOWNED", callId, call.line(),
                    null, null, null, "no application owns the call (R7)", List.of()));
        } else if (!call.unowned()) {
            live.replace(callId, Boolean.TRUE, Boolean.FALSE);
        }
        broadcast("call", new CallUpdate(callId, type, detail, call));
    }

    private void onHandoff(JsonObject json) {
        long now = clock.getAsLong();
        boolean committed = json.getBoolean("committed", true);
        String result = json.getString("result", "");
        String callId = json.getString("callId", "");
        if (!committed) {
            rollbacks.increment(now);
            failures.increment(now);
        } else if ("SUCCESS".equals(result)) {
            handoffs.increment(now);
        } else {
            failures.increment(now);
        }
        List<String> owners = operator.call(callId).map(c -> List.copyOf(c.owners())).orElse(List.of());
        add(new HistoryEntry(seq.incrementAndGet(), json.getString("at", Instant.now().toString()),
                committed ? "HANDOFF" : "ROLLBACK", callId, json.getString("line", ""),
                json.getString("application", ""), json.getString("target", ""), result,
                json.getString("reason", ""), owners));
        broadcast("stats", stats());
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

    /** Newest first. */
    public List<HistoryEntry> history(int limit) {
        List<HistoryEntry> out = new ArrayList<>();
        synchronized (history) {
            for (HistoryEntry e : history) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(e);
            }
        }
        return out;
    }

    public StatsJson stats() {
        long now = clock.getAsLong();
        return new StatsJson(calls.total(), handoffs.total(), failures.total(), rollbacks.total(), live.size(),
                calls.rate(now, RATE_WINDOW_SECONDS), handoffs.rate(now, RATE_WINDOW_SECONDS),
                failures.rate(now, RATE_WINDOW_SECONDS), RATE_WINDOW_SECONDS);
    }

    // ---- helpers

    private void add(HistoryEntry entry) {
        synchronized (history) {
            history.addFirst(entry);
            while (history.size() > HISTORY_SIZE) {
                history.removeLast();
            }
        }
        broadcast("history", entry);
    }

    private void broadcast(String name, Object data) {
        SseBroadcaster b;
        synchronized (this) {
            b = broadcaster;
        }
        if (b != null) {
            b.broadcast(event(name, data));
        }
    }

    private OutboundSseEvent event(String name, Object data) {
        Sse s;
        synchronized (this) {
            s = sse;
        }
        return s.newEventBuilder().name(name).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, jsonb.toJson(data)).build();
    }
}
