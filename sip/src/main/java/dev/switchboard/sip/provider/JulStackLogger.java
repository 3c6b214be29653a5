package dev.switchboard.sip.provider;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * jain-sip's logger, plugged in with {@code gov.nist.javax.sip.STACK_LOGGER} so that the stack
 * logs through java.util.logging (which WildFly routes to its own logging) instead of log4j 1.x,
 * which is end-of-life and not shipped. The stack's errors go to FINE: every one that matters to an
 * operator (a bad message, a failed send) is logged once by the provider with an SWB3xxx id.
 */
public final class JulStackLogger implements StackLogger {
    private static final Logger LOG = Logger.getLogger("dev.switchboard.sip.stack");

    @Override public void logStackTrace() { }
    @Override public void logStackTrace(int traceLevel) { }
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable ex) { LOG.log(Level.FINE, "stack exception", ex); }
    @Override public void logDebug(String message) { LOG.finer(message); }
    @Override public void logDebug(String message, Exception ex) { LOG.log(Level.FINER, message, ex); }
    @Override public void logTrace(String message) { LOG.finest(message); }
    @Override public void logFatalError(String message) { LOG.severe(message); }
    @Override public void logError(String message) { LOG.fine(message); }
    @Override public void logError(String message, Exception ex) { LOG.log(Level.FINE, message, ex); }
    @Override public void logWarning(String message) { LOG.fine(message); }
    @Override public void logInfo(String message) { LOG.fine(message); }
    @Override public boolean isLoggingEnabled() { return LOG.isLoggable(Level.FINE); }

    /** Keeps the stack from building debug strings nobody reads (it checks this before every debug line). */
    @Override
    public boolean isLoggingEnabled(int logLevel) {
        Level level = switch (logLevel) {
            case TRACE_FATAL -> Level.SEVERE;
            case TRACE_ERROR, TRACE_WARN, TRACE_INFO -> Level.FINE;
            case TRACE_DEBUG -> Level.FINER;
            default -> Level.FINEST;
        };
        return LOG.isLoggable(level);
    }

    @Override public void disableLogging() { }
    @Override public void enableLogging() { }
    @Override public void setBuildTimeStamp(String buildTimeStamp) { }
    @Override public void setStackProperties(Properties stackProperties) { }
    @Override public String getLoggerName() { return LOG.getName(); }
}
