package dev.switchboard.it.samples;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A subscription to the samples' audit topic, opened before a call is placed so that none of its
 * messages is missed: the monitor's call events and the outcomes only the asking application learns
 * of (a transfer's result, R29). Messages of other calls are skipped.
 */
final class AuditMessages implements AutoCloseable {
    private final JMSContext context;
    private final JMSConsumer consumer;
    private final List<JsonObject> seen = new ArrayList<>();

    AuditMessages() throws NamingException {
        InitialContext ctx = new InitialContext();
        try {
            ConnectionFactory jms = (ConnectionFactory) ctx.lookup("java:comp/DefaultJMSConnectionFactory");
            Topic topic = (Topic) ctx.lookup("java:app/jms/topic/switchboard/audit");
            context = jms.createContext();
            consumer = context.createConsumer(topic);
        } finally {
            ctx.close();
        }
    }

    /** The first message about {@code callId} that matches, waiting up to {@code timeout}; empty when none came. */
    Optional<JsonObject> await(String callId, Predicate<JsonObject> wanted, Duration timeout) throws JMSException {
        Optional<JsonObject> already = seen.stream().filter(m -> callId.equals(m.getString("callId"))).filter(wanted)
                .findFirst();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (already.isEmpty() && System.currentTimeMillis() < deadline) {
            Message m = consumer.receive(250);
            if (m instanceof TextMessage t) {
                JsonObject json = Json.createReader(new StringReader(t.getText())).readObject();
                seen.add(json);
                if (callId.equals(json.getString("callId", "")) && wanted.test(json)) {
                    already = Optional.of(json);
                }
            }
        }
        return already;
    }

    /** A predicate on the message's {@code type} and one more field. */
    static Predicate<JsonObject> typed(String type, String field, String value) {
        return m -> type.equals(m.getString("type", "")) && value.equals(m.getString(field, ""));
    }

    @Override
    public void close() {
        context.close();
    }
}
