package dev.switchboard.console.api;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Listens to the audit topic (the audit monitor's call events and the samples' handoff outcomes)
 * and hands every message to the {@link LiveFeed}, which pushes it to the browsers. One session,
 * so messages are handled in the order they were published.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = AuditFeed.AUDIT_TOPIC_JNDI),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditFeed implements MessageListener {

    /** Where the sample EAR's audit monitor publishes ({@code @JMSDestinationDefinition} on its AuditMonitor). */
    public static final String AUDIT_TOPIC_JNDI = "java:app/jms/topic/switchboard/audit"; // see docs/portability.md

    private static final Logger LOG = Logger.getLogger("dev.switchboard.console");

    @Inject
    LiveFeed feed;

    @Override
    public void onMessage(Message message) {
        try {
            if (message instanceof TextMessage text) {
                feed.onAudit(text.getText());
            }
        } catch (JMSException | RuntimeException e) {
            // the console must not make the topic redeliver forever: log it and go on
            LOG.log(Level.WARNING, "the console could not read an audit message: " + message, e);
        }
    }
}
