package dev.switchboard.it.apps;

import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What the test applications saw: every event each application received, and delivery attempts. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Results {
    private final ConcurrentHashMap<String, List<CallEvent>> events = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public void record(String application, CallEvent event) {
        events.computeIfAbsent(application, a -> new CopyOnWriteArrayList<>()).add(event);
    }

    /** Counts an attempt to deliver an event of {@code callId} to {@code application} (whatever its outcome). */
    public int attempt(String application, String callId) {
        return attempts.computeIfAbsent(application + "/" + callId, k -> new AtomicInteger()).incrementAndGet();
    }

    public int attempts(String application, String callId) {
        AtomicInteger n = attempts.get(application + "/" + callId);
        return n == null ? 0 : n.get();
    }

    public List<CallEvent> events(String application, String callId) {
        return events.getOrDefault(application, List.of()).stream().filter(e -> e.callId().equals(callId)).toList();
    }

    /** The OFFERING event that made {@code application} an owner of the call, if it got one. */
    public Optional<CallStateEvent> ownerOffer(String application, String callId) {
        return events(application, callId).stream()
                .filter(e -> e instanceof CallStateEvent s && s.offersOwnership())
                .map(CallStateEvent.class::cast)
                .findFirst();
    }
}
