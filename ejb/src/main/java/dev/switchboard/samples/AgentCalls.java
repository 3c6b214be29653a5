package dev.switchboard.samples;

import dev.switchboard.api.CallHandle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the agent application remembers between events: which caller each call it is making to an
 * agent is for, until the agent answers, and which play is the apology after which a caller goes
 * back to the menu. Its handles are
 * its own (an application's handle of a call is unique to it), so they are the keys.
 */
@ApplicationScoped
public class AgentCalls {
    /** The call made to an agent, by its handle, to the caller waiting for it. */
    private final Map<CallHandle, CallHandle> callerOfAgent = new ConcurrentHashMap<>();
    /** The apologies being played, by operation id, to the caller who hears it. */
    private final Map<String, CallHandle> apologies = new ConcurrentHashMap<>();

    void dialling(CallHandle caller, CallHandle agent) {
        callerOfAgent.put(agent, caller);
    }

    /** The caller an agent call is for; empty for a handle that is not a call to an agent. */
    Optional<CallHandle> callerOf(CallHandle agent) {
        return Optional.ofNullable(callerOfAgent.get(agent));
    }

    /** The call to an agent made for {@code caller}, while that call lasts. */
    Optional<CallHandle> agentFor(CallHandle caller) {
        return callerOfAgent.entrySet().stream().filter(e -> e.getValue().equals(caller)).map(Map.Entry::getKey)
                .findFirst();
    }

    void apologising(String playId, CallHandle caller) {
        apologies.put(playId, caller);
    }

    /** True once, for the play that was the apology. */
    boolean apologyEnded(String playId) {
        return apologies.remove(playId) != null;
    }

    /** The handle was let go of: forget what it was for. */
    void forget(CallHandle handle) {
        callerOfAgent.remove(handle);
        callerOfAgent.values().removeIf(handle::equals);
        apologies.values().removeIf(handle::equals);
    }
}
