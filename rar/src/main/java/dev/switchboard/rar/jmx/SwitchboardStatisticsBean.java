package dev.switchboard.rar.jmx;

import dev.switchboard.core.Switchboard;
import dev.switchboard.core.SwitchboardStatistics;
import dev.switchboard.rar.AdapterRuntime;
import dev.switchboard.rar.RaLog;
import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes one running adapter's {@link SwitchboardStatistics} as an MXBean, named after the
 * adapter's {@code instanceName}: {@code dev.switchboard:type=ResourceAdapter,name=switchboard} unless
 * configured otherwise, so JMX clients and exporters find it under a name that does not change when
 * its lines do.
 */
public final class SwitchboardStatisticsBean implements SwitchboardStatisticsMXBean {
    private static final String DOMAIN = "dev.switchboard";

    private final AdapterRuntime runtime;
    private final Switchboard switchboard;
    private ObjectName registeredAs;

    public SwitchboardStatisticsBean(AdapterRuntime runtime) {
        this.runtime = runtime;
        this.switchboard = runtime.switchboard();
    }

    /** Registers the bean; a failure is logged and leaves the adapter running without it. */
    public void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String instance = runtime.instanceName();
        for (int n = 1; registeredAs == null; n++) {
            try {
                ObjectName name = objectName(n == 1 ? instance : instance + "-" + n);
                server.registerMBean(this, name);
                registeredAs = name;
            } catch (InstanceAlreadyExistsException e) {
                // another activation goes by the same name (two EARs left at the default): number this one
            } catch (JMException | RuntimeException e) {
                RaLog.jmxRegistrationFailed(instance, e);
                return;
            }
        }
    }

    public void unregister() {
        if (registeredAs != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
            } catch (JMException e) {
                RaLog.jmxRegistrationFailed(registeredAs.toString(), e);
            }
            registeredAs = null;
        }
    }

    /** The MXBean name of the adapter called {@code instanceName} (an {@link dev.switchboard.rar.InstanceName}). */
    public static ObjectName objectName(String instanceName) throws JMException {
        return new ObjectName(DOMAIN + ":type=ResourceAdapter,name=" + instanceName);
    }

    /** The name it was registered under, or null. */
    public ObjectName objectName() {
        return registeredAs;
    }

    @Override
    public String[] getLines() {
        return switchboard.lines().stream().map(l -> l.line() + " (" + l.provider() + ")").toArray(String[]::new);
    }

    @Override
    public String[] getApplications() {
        return runtime.activeApplications().toArray(String[]::new);
    }

    @Override
    public int getLiveCalls() {
        return stats().liveCalls();
    }

    @Override
    public int getUnownedCalls() {
        return stats().unownedCalls();
    }

    @Override
    public long getCallsOffered() {
        return stats().callsOffered();
    }

    @Override
    public long getHandoffsSucceeded() {
        return stats().handoffsSucceeded();
    }

    @Override
    public long getHandoffsTargetNotFound() {
        return stats().handoffsTargetNotFound();
    }

    @Override
    public long getHandoffsTargetSelf() {
        return stats().handoffsTargetSelf();
    }

    @Override
    public long getHandoffsRolledBack() {
        return stats().handoffsRolledBack();
    }

    @Override
    public long getOffersRefused() {
        return stats().offersRefused();
    }

    @Override
    public long getTransactionsCommitted() {
        return stats().transactionsCommitted();
    }

    @Override
    public long getTransactionsRolledBack() {
        return stats().transactionsRolledBack();
    }

    @Override
    public int getProviderCalls() {
        return stats().providerCalls();
    }

    @Override
    public int getProviderMediaPorts() {
        return stats().providerMediaPorts();
    }

    @Override
    public LatencyFigures[] getLatencies() {
        return switchboard.latencies().snapshots().stream()
                .map(l -> new LatencyFigures(l.name(), l.count(), micros(l.p50Nanos()), micros(l.p90Nanos()),
                        micros(l.p99Nanos()), micros(l.maxNanos())))
                .toArray(LatencyFigures[]::new);
    }

    @Override
    public void resetLatencies() {
        switchboard.latencies().reset();
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private SwitchboardStatistics stats() {
        return switchboard.statistics();
    }
}
