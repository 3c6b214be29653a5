package dev.switchboard.sip.rtp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures the media engine's log records (System.Logger goes to java.util.logging here). */
final class LogRecords extends Handler implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger("dev.switchboard.sip.rtp");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Level previous = LOGGER.getLevel();

    LogRecords() {
        LOGGER.setLevel(Level.ALL);
        LOGGER.addHandler(this);
    }

    /** The messages at {@code level} or above, as logged (with their ids, before formatting). */
    List<String> atLeast(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LOGGER.removeHandler(this);
        LOGGER.setLevel(previous);
    }
}
