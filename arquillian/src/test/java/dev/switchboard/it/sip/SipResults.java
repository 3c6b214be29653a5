package dev.switchboard.it.sip;

import dev.switchboard.api.Privilege;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the SIP test applications saw: digits per call, how their media operations ended, and who
 * owned each call when it went IDLE.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SipResults {
    private final ConcurrentHashMap<String, List<Character>> digits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> ownersAtIdle = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> idleSeenBy = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<String>> problems = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<String>> mediaEnded = new ConcurrentHashMap<>();

    public void digit(String callId, char digit) {
        digits.computeIfAbsent(callId, k -> new CopyOnWriteArrayList<>()).add(digit);
    }

    /** An application got the call's IDLE event, holding {@code privilege}. */
    public void idle(String callId, String application, Privilege privilege) {
        if (!idleSeenBy.computeIfAbsent(callId, k -> ConcurrentHashMap.newKeySet()).add(application)) {
            problem(callId, application + " got IDLE twice (R24)");
        }
        Set<String> owners = ownersAtIdle.computeIfAbsent(callId, k -> ConcurrentHashMap.newKeySet());
        if (privilege == Privilege.OWNER) {
            owners.add(application);
        }
    }

    /** A media operation on the call ended, as its completion event says ("PLAY DONE"). */
    public void mediaEnded(String callId, String what) {
        mediaEnded.computeIfAbsent(callId, k -> new CopyOnWriteArrayList<>()).add(what);
    }

    /** Every call with a media operation that ended, with how each ended, in order. */
    public Map<String, List<String>> mediaEnded() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        mediaEnded.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    public void problem(String callId, String what) {
        problems.computeIfAbsent(callId, k -> new CopyOnWriteArrayList<>()).add(what);
    }

    public String digits(String callId) {
        StringBuilder sb = new StringBuilder();
        digits.getOrDefault(callId, List.of()).forEach(sb::append);
        return sb.toString();
    }

    /** Every call that went IDLE, with the applications that owned it then. */
    public Map<String, Set<String>> ownersAtIdle() {
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        ownersAtIdle.forEach((k, v) -> out.put(k, new TreeSet<>(v)));
        return out;
    }

    public Map<String, List<String>> problems() {
        return Map.copyOf(problems);
    }
}
