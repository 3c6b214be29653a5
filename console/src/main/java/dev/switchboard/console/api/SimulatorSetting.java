package dev.switchboard.console.api;

/**
 * Whether the demo's simulated-switch API ({@code /api/sim}) is on: only when the server's system
 * property {@value #PROPERTY} is {@code true}. Read at each request, so an administrator can switch it
 * on or off on a running server ({@code /system-property=switchboard.console.simulator:add(value=true)}).
 * Off by default: on a real switchboard nobody should be able to make calls appear.
 */
public final class SimulatorSetting {
    public static final String PROPERTY = "switchboard.console.simulator";

    /** Says what is off and how to switch it on. */
    static final String OFF = "the simulated-switch API is off; it is for demos and tests: start the server with -D"
            + PROPERTY + "=true (the README's run command does) or, on a running server, "
            + "/system-property=" + PROPERTY + ":add(value=true) in jboss-cli";

    private SimulatorSetting() {
    }

    public static boolean on() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY));
    }
}
