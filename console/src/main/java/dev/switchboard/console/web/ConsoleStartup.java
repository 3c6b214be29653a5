package dev.switchboard.console.web;

import dev.switchboard.console.ConsoleLog;
import dev.switchboard.console.api.CrossSiteGuard;
import dev.switchboard.console.api.SimulatorSetting;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Says at start how the console is guarded (SWB4030): who may change things, the lockout, the simulator. */
@WebListener
public class ConsoleStartup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ConsoleLog.started("reading is open, changes need a user in role operator (HTTP BASIC) and the header "
                + CrossSiteGuard.HEADER + ": 1 from the console's own origin; " + LockoutPolicy.current().describe()
                + "; the simulated-switch API (/api/sim) is " + (SimulatorSetting.on() ? "on" : "off")
                + " (-D" + SimulatorSetting.PROPERTY + ")");
    }
}
