package dev.switchboard.samples;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.Json;
import java.time.Instant;

/**
 * Publishes the outcome of a handoff that a sample application made to the audit topic
 * ({@value Samples#AUDIT_TOPIC_JNDI}), next to the call events of the {@link AuditMonitor}: the
 * operator console shows them as its handoff history. A handoff that was rolled back sends no call
 * event at all (R21), so this message is the only trace of it.
 *
 * <p>The message has the properties {@code callId}, {@code line} and {@code eventType} =
 * {@value #EVENT_TYPE} like the monitor's, and the JSON body
 * {@code {"type":"HandoffOutcome","callId","line","application","target","result","committed","reason","at"}}.
 * It is sent in the caller's transaction (an MDB's delivery), so it is published when that commits.
 */
@Stateless
public class HandoffAudit {

    /** The {@code eventType} property and {@code type} field of the message. */
    public static final String EVENT_TYPE = "HandoffOutcome";

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
    public void published(String application, String callId, String line, String target, String result,
                          boolean committed, String reason) {
        String body = Json.createObjectBuilder()
                .add("type", EVENT_TYPE)
                .add("callId", callId)
                .add("line", line)
                .add("application", application)
                .add("target", target)
                .add("result", result)
                .add("committed", committed)
                .add("reason", reason)
                .add("at", Instant.now().toString())
                .build().toString();
        jms.createProducer()
                .setProperty("callId", callId)
                .setProperty("line", line)
                .setProperty("eventType", EVENT_TYPE)
                .send(topic, body);
    }
}
