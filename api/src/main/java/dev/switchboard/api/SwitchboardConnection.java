package dev.switchboard.api;

/**
 * A connection acting for one application. Inside a JTA transaction, handoffs, privilege changes
 * and deallocations take effect only when the transaction commits, and vanish on rollback (R21);
 * media, transfers, bridges and calls made happen only after commit, and never on rollback (R32).
 */
public interface SwitchboardConnection extends CallControl, AutoCloseable {

    /** The application this connection acts for. */
    String application();

    /** R2 (lineSetAppPriority): 1 puts the application first in the list for {@code mode}, 0 removes it. */
    void setAppPriority(MediaMode mode, int priority);

    /** R2 (lineGetAppPriority): 1-based position in the list for {@code mode}, 0 when absent. */
    int getAppPriority(MediaMode mode);

    /**
     * Makes a call (R30, TAPI's lineMakeCall) on {@code line}, which this application opened as
     * OWNER (INVALLINE otherwise). The application is the new call's only owner; it is offered to
     * nobody else, and the line's monitors get MONITOR handles as for any new call (R5). Its
     * handle hears DIALING, then PROCEEDING, RINGBACK and CONNECTED, or DISCONNECTED with a
     * {@link DisconnectReason} (BUSY, NOANSWER, REJECT, UNREACHABLE, ...) and IDLE. Once made it is
     * an ordinary call: it can be handed off, bridged, played to.
     *
     * <p>Inside a transaction the call is placed after commit (R32): the handle is returned at
     * once but is valid only from commit on, and on rollback never.
     *
     * @param destination where to, in the line's address form (for SIP a URI or a user name)
     * @param mediaModes  the call's media mode, such as {@code MediaMode.INTERACTIVEVOICE.bit()}
     * @return this application's handle of the new call
     */
    CallHandle makeCall(String line, String destination, int mediaModes);

    /** {@link #makeCall(String, String, int)} with one media mode. */
    default CallHandle makeCall(String line, String destination, MediaMode mediaMode) {
        return makeCall(line, destination, mediaMode.bit());
    }

    /** Returns the connection to the pool; it cannot be used afterwards. */
    @Override
    void close();
}
