package dev.switchboard.samples;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallInfoEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Topic;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObjectBuilder;

/**
 * Holds MONITOR privilege on every call of every line (R5) and publishes each event it gets, as
 * a JSON text message, to the topic {@value Samples#AUDIT_TOPIC_JNDI}. Messages carry the
 * properties {@code callId}, {@code line} and {@code eventType} for selectors.
 *
 * <p>Deliveries run without a transaction ({@code NOT_SUPPORTED}), so each message is published as
 * its event arrives. An audit trail records what happened on the line, which nothing the monitor
 * does can undo; and a transaction around each event cost an XA round trip to the broker for every
 * event of every call (the largest share of the broker's CPU under load, docs/performance.md). A
 * call's events come one at a time and each send returns once the broker has the message, so they
 * are published in order.
 */
@JMSDestinationDefinition(name = Samples.AUDIT_TOPIC_JNDI, interfaceName = "jakarta.jms.Topic",
        destinationName = "switchboard-audit", description = "Every call event the audit monitor sees")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = Samples.AUDIT),
        @ActivationConfigProperty(propertyName = "lines", propertyValue = "*"),
        @ActivationConfigProperty(propertyName = "privileges", propertyValue = "MONITOR")
})
public class AuditMonitor implements SwitchboardListener {
    /**
     * The JSON provider, looked up once, when first used: Json.createObjectBuilder() finds it through
     * the ServiceLoader on every call, which was the largest single cost of a call under load
     * (docs/performance.md).
     */
    private static final class JsonOnce {
        static final JsonProvider JSON = JsonProvider.provider();
    }

    @Inject
    JMSContext jms;

    @Resource(lookup = Samples.AUDIT_TOPIC_JNDI)
    Topic topic;

    @Inject
    SwitchboardConnectionFactory factory;

    @Override
    public void onCallEvent(CallEvent event) {
        jms.createProducer()
                .setProperty("callId", event.callId())
                .setProperty("line", event.line())
                .setProperty("eventType", event.getClass().getSimpleName())
                .send(topic, toJson(event));
        if (event instanceof CallStateEvent s && s.state() == CallState.IDLE) {
            Samples.letGo(factory, Samples.AUDIT, s.handle(), s.callId());
        }
    }

    /** The event without the monitor's own handle, which means nothing to anyone else. */
    static String toJson(CallEvent event) {
        JsonObjectBuilder json = JsonOnce.JSON.createObjectBuilder()
                .add("type", event.getClass().getSimpleName())
                .add("callId", event.callId())
                .add("line", event.line());
        if (event instanceof CallStateEvent s) {
            json.add("state", s.state().name()).add("privilege", s.privilege().name())
                    .add("mediaModes", MediaMode.describe(s.mediaModes()));
            if (s.disconnectReason() != null) {
                json.add("disconnectReason", s.disconnectReason().name());
            }
        } else if (event instanceof CallInfoEvent i) {
            json.add("reason", i.reason().name()).add("numOwners", i.numOwners())
                    .add("numMonitors", i.numMonitors()).add("mediaModes", MediaMode.describe(i.mediaModes()));
        } else if (event instanceof MediaDetectedEvent m) {
            json.add("mode", m.mode().name()).add("detectedAt", m.detectedAt().toString());
        } else if (event instanceof DigitEvent d) {
            json.add("digit", String.valueOf(d.digit())).add("receivedAt", d.receivedAt().toString());
        }
        return json.build().toString();
    }
}
