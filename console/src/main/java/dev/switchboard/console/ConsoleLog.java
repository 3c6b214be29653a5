package dev.switchboard.console;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Every operator-facing message of the console, each with a stable id (SWB4xxx) so that operators can
 * search for it and alerts can match it (docs/administrator-guide.md lists them). What came from a
 * request (a user name, an Origin, an id) is put in through {@link LogText#quoted}, never as sent. A
 * client doing what clients do (leaving, sending a bad body) costs no stack trace.
 */
public final class ConsoleLog {
    private static final Logger LOG = System.getLogger("dev.switchboard.console");

    private ConsoleLog() {
    }

    // ---- what operators did (SWB4001-4004)

    public static void prioritiesSet(String user, Object mode, List<String> list) {
        LOG.log(Level.INFO, () -> "SWB4001: operator " + LogText.quoted(user) + " set the priority list of " + mode
                + " to " + list);
    }

    public static void dropped(String user, String callId) {
        LOG.log(Level.INFO, () -> "SWB4002: operator " + LogText.quoted(user) + " dropped call "
                + LogText.quoted(callId));
    }

    public static void assigned(String user, String callId, String application) {
        LOG.log(Level.INFO, () -> "SWB4003: operator " + LogText.quoted(user) + " gave call " + LogText.quoted(callId)
                + " to application " + LogText.quoted(application));
    }

    public static void simulated(String user, String what) {
        LOG.log(Level.INFO, () -> "SWB4004: operator " + LogText.quoted(user) + " on the simulated switch: " + what);
    }

    // ---- sign-in and refused requests (SWB4010-4012)

    /**
     * @param inARow    this user's failed logins in a row, as the console saw them
     * @param unlogged  failed logins from the same address since its last line that were counted, not logged
     */
    public static void loginFailed(String address, String user, int inARow, String policy, long unlogged,
                                   long intervalSeconds) {
        LOG.log(Level.WARNING, () -> "SWB4010: failed operator login from " + LogText.quoted(address) + " as user "
                + LogText.quoted(user) + " (" + inARow + " in a row for that user; " + policy + ")"
                + unlogged(unlogged, "failed logins", address, intervalSeconds));
    }

    public static void accountLocked(String user, int failures, String policy) {
        LOG.log(Level.WARNING, () -> "SWB4011: user " + LogText.quoted(user) + " has failed to log in " + failures
                + " times in a row: if it exists, the server's realm now refuses it even with the right password ("
                + policy + "); another operator can keep working meanwhile");
    }

    public static void crossSiteRefused(String address, String method, String path, String reason, long unlogged,
                                        long intervalSeconds) {
        LOG.log(Level.WARNING, () -> "SWB4012: " + method + " " + LogText.quoted(path) + " from "
                + LogText.quoted(address) + " refused with 403 as a possible cross-site request: " + reason
                + unlogged(unlogged, "such refusals", address, intervalSeconds));
    }

    // ---- the live feed (SWB4020-4022)

    public static void streamEnded(String why) {
        LOG.log(Level.DEBUG, () -> "SWB4020: a browser's event stream ended: " + why);
    }

    public static void streamFellBehind(int pending) {
        LOG.log(Level.WARNING, () -> "SWB4021: a browser's event stream fell " + pending + " events behind and was"
                + " closed; the browser reconnects and reloads the lists");
    }

    public static void streamNotWritten(Throwable e) {
        LOG.log(Level.WARNING, () -> "SWB4022: no thread to write a browser's event stream (" + e
                + "); the stream is closed and the browser reconnects");
    }

    // ---- start (SWB4030)

    public static void started(String security) {
        LOG.log(Level.INFO, () -> "SWB4030: operator console started; " + security);
    }

    private static String unlogged(long count, String what, String address, long intervalSeconds) {
        return count <= 0 ? ""
                : "; " + count + " more " + what + " from " + LogText.quoted(address) + " since its last such line"
                + " were counted, not logged (at most one line per address every " + intervalSeconds + " s)";
    }
}
