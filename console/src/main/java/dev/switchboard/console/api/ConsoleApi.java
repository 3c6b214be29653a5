package dev.switchboard.console.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The console's Jakarta REST API, at {@code /switchboard/api}. */
@ApplicationPath("api")
public class ConsoleApi extends Application {
}
