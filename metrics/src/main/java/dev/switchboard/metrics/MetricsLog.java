package dev.switchboard.metrics;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Every operator-facing message of the metrics publisher, each with a stable id (SWB5xxx). */
final class MetricsLog {
    private static final Logger LOG = System.getLogger("dev.switchboard.metrics");

    private MetricsLog() {
    }

    static void published(String instance, int figures, String facility) {
        LOG.log(Level.INFO, "SWB5001: the figures of Switchboard adapter ''{0}'' are published ({1} metrics) through {2}",
                instance, figures, facility);
    }

    static void noFacility() {
        LOG.log(Level.WARNING, "SWB5002: the server offers deployments neither Micrometer (WildFly: the micrometer"
                + " subsystem) nor MicroProfile Metrics (Liberty: the mpMetrics feature); the adapter's figures are"
                + " not published as metrics (JMX still has them)");
    }

    static void failed(Throwable cause) {
        LOG.log(Level.WARNING, "SWB5003: publishing the adapter's figures as metrics failed; the adapter runs on"
                + " without them", cause);
    }
}
