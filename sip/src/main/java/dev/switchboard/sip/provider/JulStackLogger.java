package dev.switchboard.sip.provider;

import dev.switchboard.core.log.LogText;
import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * jain-sip's logger, plugged in with {@code gov.nist.javax.sip.STACK_LOGGER} so that the stack
 * logs through java.util.logging (which WildFly routes to its own logging) instead of log4j 1.x,
 * which is end-of-life and not shipped. The stack's errors go to FINE: every one that matters to an
 * operator (a bad message, a failed send) is logged once by the provider with an SWB3xxx id.
 *
 * <p>The stack quotes what it received (whole messages, as text or as byte lists), so every line
 * is escaped with {@link LogText} and cut at {@value #MAX_CHARS} characters. Its exceptions come
 * from bad input far more often than from bugs: they are logged as one line, with the stack trace
 * only when FINEST is on.
 */
public final class JulStackLogger implements StackLogger {
    private static final Logger LOG = Logger.getLogger("dev.switchboard.sip.stack");
    static final int MAX_CHARS = 2000;

    @Override public void logStackTrace() { }
    @Override public void logStackTrace(int traceLevel) { }
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable ex) { log(Level.FINE, "stack exception", ex); }
    @Override public void logDebug(String message) { log(Level.FINER, message, null); }
    @Override public void logDebug(String message, Exception ex) { log(Level.FINER, message, ex); }
    @Override public void logTrace(String message) { log(Level.FINEST, message, null); }
    @Override public void logFatalError(String message) { log(Level.SEVERE, message, null); }
    @Override public void logError(String message) { log(Level.FINE, message, null); }
    @Override public void logError(String message, Exception ex) { log(Level.FINE, message, ex); }
    @Override public void logWarning(String message) { log(Level.FINE, message, null); }
    @Override public void logInfo(String message) { log(Level.FINE, message, null); }
    @Override public boolean isLoggingEnabled() { return LOG.isLoggable(Level.FINE); }

    private static void log(Level level, String message, Throwable ex) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        String text = LogText.of(message, MAX_CHARS) + (ex == null ? "" : ": " + LogText.of(ex, MAX_CHARS));
        if (ex != null && LOG.isLoggable(Level.FINEST)) {
            LOG.log(level, text, ex);
        } else {
            LOG.log(level, text);
        }
    }

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
