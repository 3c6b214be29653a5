package dev.switchboard.core;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallInfoReason;
import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.event.BridgeEndedEvent;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallInfoEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import dev.switchboard.api.event.TransferResultEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Records every event one application receives, thread-safely and in arrival order. It can also
 * react to events (to play an application's handler) and refuse events by throwing (R23).
 */
class RecordingSink implements EventSink {
    private final String app;
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<CallEvent>> reactions = new CopyOnWriteArrayList<>();
    private volatile Predicate<CallEvent> refuse = e -> false;
    /** The latest handle per call id; kept by {@link #clear()}. */
    private final java.util.Map<String, CallHandle> handles = new java.util.concurrent.ConcurrentHashMap<>();

    RecordingSink(String app) {
        this.app = app;
    }

    String app() {
        return app;
    }

    @Override
    public void deliver(CallEvent event) {
        events.add(event);
        handles.put(event.callId(), event.handle());
        if (refuse.test(event)) {
            throw new IllegalStateException("application '" + app + "' refuses " + event);
        }
        for (Consumer<CallEvent> r : reactions) {
            r.accept(event);
        }
    }

    /** Runs {@code reaction} for each event after recording it, like an application's handler. */
    RecordingSink onEvent(Consumer<CallEvent> reaction) {
        reactions.add(reaction);
        return this;
    }

    /** Throws from {@link #deliver} for events matching {@code which} (after recording them). */
    RecordingSink refuseWhen(Predicate<CallEvent> which) {
        this.refuse = which;
        return this;
    }

    // ---- queries ----

    List<CallEvent> all() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }

    int size() {
        return events.size();
    }

    List<CallEvent> ofCall(String callId) {
        return filter(e -> e.callId().equals(callId));
    }

    List<CallEvent> ofHandle(CallHandle handle) {
        return filter(e -> e.handle().equals(handle));
    }

    List<CallEvent> filter(Predicate<CallEvent> p) {
        List<CallEvent> out = new ArrayList<>();
        for (CallEvent e : events) {
            if (p.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    <T extends CallEvent> List<T> ofType(Class<T> type, String callId) {
        List<T> out = new ArrayList<>();
        for (CallEvent e : events) {
            if (type.isInstance(e) && e.callId().equals(callId)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    List<CallStateEvent> states(String callId) {
        return ofType(CallStateEvent.class, callId);
    }

    List<CallState> stateSequence(String callId) {
        return states(callId).stream().map(CallStateEvent::state).toList();
    }

    List<CallInfoEvent> infos(String callId) {
        return ofType(CallInfoEvent.class, callId);
    }

    List<CallInfoReason> infoReasons(String callId) {
        return infos(callId).stream().map(CallInfoEvent::reason).toList();
    }

    List<DigitEvent> digits(String callId) {
        return ofType(DigitEvent.class, callId);
    }

    List<MediaDetectedEvent> mediaDetected(String callId) {
        return ofType(MediaDetectedEvent.class, callId);
    }

    List<MediaCompletedEvent> completions(String callId) {
        return ofType(MediaCompletedEvent.class, callId);
    }

    /** The completions of one operation, wherever they came (exactly one is what R28 promises). */
    List<MediaCompletedEvent> completionsOf(String operationId) {
        List<MediaCompletedEvent> out = new ArrayList<>();
        for (CallEvent e : events) {
            if (e instanceof MediaCompletedEvent c && c.operationId().equals(operationId)) {
                out.add(c);
            }
        }
        return out;
    }

    List<TransferResultEvent> transferResults(String callId) {
        return ofType(TransferResultEvent.class, callId);
    }

    List<BridgeEndedEvent> bridgeEnds() {
        List<BridgeEndedEvent> out = new ArrayList<>();
        for (CallEvent e : events) {
            if (e instanceof BridgeEndedEvent b) {
                out.add(b);
            }
        }
        return out;
    }

    List<CallStateEvent> ownerOffers(String callId) {
        return states(callId).stream().filter(CallStateEvent::offersOwnership).toList();
    }

    /** A compact, comparable description of this app's events for one call, such as {@code OFFERING/OWNER}. */
    List<String> describe(String callId) {
        List<String> out = new ArrayList<>();
        for (CallEvent e : ofCall(callId)) {
            out.add(describe(e));
        }
        return out;
    }

    static String describe(CallEvent e) {
        if (e instanceof CallStateEvent s) {
            return s.state() + (s.state() == CallState.OFFERING || s.state() == CallState.DIALING
                    ? "/" + s.privilege() : "")
                    + (s.disconnectReason() == null || s.disconnectReason() == DisconnectReason.NORMAL ? ""
                    : "(" + s.disconnectReason() + ")");
        }
        if (e instanceof CallInfoEvent i) {
            return i.reason() + "(" + i.numOwners() + "," + i.numMonitors() + ")";
        }
        if (e instanceof DigitEvent d) {
            return "DIGIT " + d.digit();
        }
        if (e instanceof MediaCompletedEvent c) {
            return "COMPLETED " + c.operation() + " " + c.reason() + (c.digits().isEmpty() ? "" : " " + c.digits());
        }
        if (e instanceof TransferResultEvent t) {
            return t.kind() + " " + t.result();
        }
        if (e instanceof BridgeEndedEvent b) {
            return "BRIDGE ENDED " + b.reason();
        }
        return "DETECTED " + ((MediaDetectedEvent) e).mode();
    }

    /** The handle this application's latest event for {@code callId} came on (even if cleared since), or null. */
    CallHandle lastHandle(String callId) {
        return handles.get(callId);
    }

    @Override
    public String toString() {
        return "RecordingSink[" + app + ", " + events.size() + " events]";
    }
}
