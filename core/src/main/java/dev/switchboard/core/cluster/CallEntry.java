package dev.switchboard.core.cluster;

import dev.switchboard.api.CallState;
import dev.switchboard.api.CallView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One live call in the cluster's call directory: what the console of any node shows about it,
 * and the provider's recovery facts a surviving node needs to end it should {@code node} die.
 *
 * @param node  the cluster member that holds the call (its SIP dialog, its handles)
 * @param facts the provider's opaque recovery facts; empty until the provider reported any
 */
public record CallEntry(String node, String callId, String line, String provider, String providerCallId,
                        int mediaModes, CallState state, List<String> owners, List<String> monitors,
                        String callerId, String calledId, Map<String, String> facts) {
    private static final String FACT = "fact.";

    public CallEntry {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(callId, "callId");
        owners = List.copyOf(owners);
        monitors = List.copyOf(monitors);
        facts = Map.copyOf(facts);
    }

    /** The entry's key in the directory: unique across nodes, whose call ids each start at call-1. */
    public String key() {
        return key(node, callId);
    }

    public static String key(String node, String callId) {
        return node + "/" + callId;
    }

    /** The call as the console shows it. */
    public CallView view() {
        return new CallView(callId, line, provider, providerCallId, mediaModes, state, owners, monitors, callerId,
                calledId);
    }

    /** The entry as the text the shared cache keeps. */
    public String encode() {
        Fields f = new Fields().put("node", node).put("callId", callId).put("line", line).put("provider", provider)
                .put("providerCallId", providerCallId).put("mediaModes", Integer.toString(mediaModes))
                .put("state", state == null ? null : state.name()).putList("owners", owners)
                .putList("monitors", monitors).put("callerId", callerId).put("calledId", calledId);
        facts.forEach((k, v) -> f.put(FACT + k, v));
        return f.toString();
    }

    /** An entry {@link #encode} wrote; anything else is refused with the text in the message. */
    public static CallEntry decode(String text) {
        Map<String, String> raw = Fields.parse(text);
        Map<String, String> facts = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (k.startsWith(FACT)) {
                facts.put(k.substring(FACT.length()), Fields.value(v));
            }
        });
        try {
            String state = Fields.value(raw.get("state"));
            return new CallEntry(Fields.value(raw.get("node")), Fields.value(raw.get("callId")),
                    Fields.value(raw.get("line")), Fields.value(raw.get("provider")),
                    Fields.value(raw.get("providerCallId")), Integer.parseInt(Fields.value(raw.get("mediaModes"))),
                    state == null ? null : CallState.valueOf(state), Fields.list(raw.get("owners")),
                    Fields.list(raw.get("monitors")), Fields.value(raw.get("callerId")),
                    Fields.value(raw.get("calledId")), facts);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a call directory entry: " + text + " (" + e + ")", e);
        }
    }
}
