package dev.switchboard.core.cluster;

import java.util.Map;
import java.util.Objects;

/**
 * An operator's action on a call another node holds, sent to that node: drop it, or give it to
 * an application (R7's unowned calls).
 *
 * @param application the application to give the call to; null for a drop
 */
public record OperatorCommand(String node, Action action, String callId, String application, String operator) {

    public enum Action { DROP, ASSIGN }

    public OperatorCommand {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(callId, "callId");
        if (action == Action.ASSIGN && application == null) {
            throw new IllegalArgumentException("giving call " + callId + " on node " + node + " needs an application");
        }
    }

    public String encode() {
        return new Fields().put("node", node).put("action", action.name()).put("callId", callId)
                .put("application", application).put("operator", operator).toString();
    }

    public static OperatorCommand decode(String text) {
        Map<String, String> raw = Fields.parse(text);
        try {
            return new OperatorCommand(Fields.value(raw.get("node")), Action.valueOf(Fields.value(raw.get("action"))),
                    Fields.value(raw.get("callId")), Fields.value(raw.get("application")),
                    Fields.value(raw.get("operator")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an operator command: " + text + " (" + e + ")", e);
        }
    }
}
