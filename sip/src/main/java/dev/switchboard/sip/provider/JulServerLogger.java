package dev.switchboard.sip.provider;

import dev.switchboard.core.log.LogText;
import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipStack;

/**
 * The stack's message trace ({@code gov.nist.javax.sip.SERVER_LOGGER}), at FINEST of
 * {@code dev.switchboard.sip.messages}: the default one writes files and needs log4j. Each
 * message is one escaped line ({@link LogText}: line ends show as {@code \x0D\x0A}), so that
 * a traced message can neither forge log lines nor reach the terminal raw.
 */
public final class JulServerLogger implements ServerLogger {
    private static final Logger LOG = Logger.getLogger("dev.switchboard.sip.messages");
    /** A whole datagram fits. */
    private static final int MAX_MESSAGE_CHARS = 65_536;

    @Override public void closeLogFile() { }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        trace(message, from, to, sender);
    }

    private static void trace(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest((sender ? "sent " : "received ") + from + " -> " + to + ": "
                    + LogText.of(message, MAX_MESSAGE_CHARS));
        }
    }

    @Override public void logException(Exception ex) { LOG.log(Level.FINE, "stack exception: " + LogText.of(ex)); }
    @Override public void setStackProperties(Properties stackProperties) { }
    @Override public void setSipStack(SipStack sipStack) { }
}
