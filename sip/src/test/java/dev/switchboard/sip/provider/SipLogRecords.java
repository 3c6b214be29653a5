package dev.switchboard.sip.provider;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures the SIP provider's log lines, formatted (System.Logger goes to java.util.logging here). */
final class SipLogRecords extends Handler implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger("dev.switchboard.sip");
    private final List<String> lines = new CopyOnWriteArrayList<>();

    SipLogRecords() {
        LOGGER.addHandler(this);
    }

    /** The lines logged so far that start with {@code id} (SWB3040, ...). */
    List<String> withId(String id) {
        return lines.stream().filter(l -> l.startsWith(id)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.INFO.intValue()) {
            Object[] params = record.getParameters();
            lines.add(params == null ? record.getMessage() : MessageFormat.format(record.getMessage(), params));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LOGGER.removeHandler(this);
    }
}
