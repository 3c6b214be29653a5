package dev.switchboard.samples;

import dev.switchboard.api.event.TransferResultEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * Publishes to the audit topic ({@value Samples#AUDIT_TOPIC_JNDI}), next to the call events of the
 * {@link AuditMonitor}, the outcomes that only the application that asked learns of, so that the
 * monitor cannot see them:
 * <ul>
 *   <li>a handoff ({@value #HANDOFF}): one that was rolled back sends no call event at all (R21),
 *       so this message is the only trace of it;</li>
 *   <li>a redirect or blind transfer ({@value #TRANSFER}): its result event goes to the owner that
 *       asked alone (R29); every holder then only sees the call end.</li>
 * </ul>
 *
 * <p>Messages have the properties {@code callId}, {@code line} and {@code eventType} (the
 * {@code type} field of the JSON body) like the monitor's. They are sent outside any transaction, at
 * once: the outcome they report is already decided (the ledger's handoff committed or rolled back
 * in a transaction of its own, a transfer's result came from the line), and a transaction would
 * only add an XA round trip to the broker.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutcomeAudit {
    /**
     * The JSON provider, looked up once, when first used: Json.createObjectBuilder() finds it through
     * the ServiceLoader on every call, which was the largest single cost of a call under load
     * (docs/performance.md).
     */
    private static final class JsonOnce {
        static final JsonProvider JSON = JsonProvider.provider();
    }

    /** The type of a handoff's message, with {@code application, target, result, committed, reason}. */
    public static final String HANDOFF = "HandoffOutcome";
    /** The type of a transfer's message, with {@code application, kind, destination, result, lineReason}. */
    public static final String TRANSFER = "TransferOutcome";

    @Inject
    JMSContext jms;

    @Resource(lookup = Samples.AUDIT_TOPIC_JNDI)
    Topic topic;

    /**
     * @param application who asked for the handoff
     * @param target      the media mode or application named as the target
     * @param result      the {@code HandoffResult} name, as the application was told
     * @param committed   false when the transaction that made the handoff rolled back: nothing changed
     * @param reason      why the application handed off, for the operator
     */
    public void handoff(String application, String callId, String line, String target, String result,
                        boolean committed, String reason) {
        send(callId, line, HANDOFF, JsonOnce.JSON.createObjectBuilder()
                .add("application", application)
                .add("target", target)
                .add("result", result)
                .add("committed", committed)
                .add("reason", reason));
    }

    /** The result {@code application} got for its redirect or blind transfer (R29). */
    public void transfer(String application, TransferResultEvent t) {
        send(t.callId(), t.line(), TRANSFER, JsonOnce.JSON.createObjectBuilder()
                .add("application", application)
                .add("kind", t.kind().name())
                .add("destination", t.destination())
                .add("result", t.result().name())
                .add("lineReason", t.lineReason() == null ? "" : t.lineReason()));
    }

    private void send(String callId, String line, String type, JsonObjectBuilder fields) {
        String body = fields.add("type", type)
                .add("callId", callId)
                .add("line", line)
                .add("at", Instant.now().toString())
                .build().toString();
        jms.createProducer()
                .setProperty("callId", callId)
                .setProperty("line", line)
                .setProperty("eventType", type)
                .send(topic, body);
    }
}
