package dev.switchboard.api;

/**
 * A connection acting for one application. Inside a JTA transaction, handoffs, privilege changes
 * and deallocations take effect only when the transaction commits, and vanish on rollback (R21).
 */
public interface SwitchboardConnection extends CallControl, AutoCloseable {

    /** The application this connection acts for. */
    String application();

    /** R2 (lineSetAppPriority): 1 puts the application first in the list for {@code mode}, 0 removes it. */
    void setAppPriority(MediaMode mode, int priority);

    /** R2 (lineGetAppPriority): 1-based position in the list for {@code mode}, 0 when absent. */
    int getAppPriority(MediaMode mode);

    /** Returns the connection to the pool; it cannot be used afterwards. */
    @Override
    void close();
}
