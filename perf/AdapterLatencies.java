import com.sun.tools.attach.VirtualMachine;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The load harness's JMX client (run as a source file: {@code java perf/AdapterLatencies.java PID [reset]}):
 * attaches to the server's JVM on this machine, finds every Switchboard adapter MXBean
 * ({@code dev.switchboard:type=ResourceAdapter,*}) and prints its latency histograms as
 * {@code name count p50 p90 p99 max} (microseconds), one line each; with {@code reset} it starts
 * them afresh instead, so that the next figures belong to one load step alone; with {@code calls} it
 * prints how many calls the SIP provider holds ({@code ProviderCalls}, summed over the adapters), which
 * the held-calls scenarios wait for.
 */
public class AdapterLatencies {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java AdapterLatencies.java <pid of the server's JVM> [reset|calls]");
            System.exit(2);
        }
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            Set<ObjectName> adapters = server.queryNames(new ObjectName("dev.switchboard:type=ResourceAdapter,*"), null);
            if (adapters.isEmpty()) {
                System.err.println("no dev.switchboard:type=ResourceAdapter MXBean in JVM " + args[0]
                        + ": is switchboard.ear deployed?");
                System.exit(1);
            }
            if (args.length > 1 && args[1].equals("calls")) {
                int calls = 0;
                for (ObjectName adapter : adapters) {
                    calls += (Integer) server.getAttribute(adapter, "ProviderCalls");
                }
                System.out.println(calls);
                return;
            }
            for (ObjectName adapter : adapters) {
                if (args.length > 1 && args[1].equals("reset")) {
                    server.invoke(adapter, "resetLatencies", null, null);
                    continue;
                }
                for (CompositeData l : (CompositeData[]) server.getAttribute(adapter, "Latencies")) {
                    System.out.printf("%s %d %.1f %.1f %.1f %.1f%n", l.get("name"), (Long) l.get("count"),
                            (Double) l.get("p50Micros"), (Double) l.get("p90Micros"), (Double) l.get("p99Micros"),
                            (Double) l.get("maxMicros"));
                }
            }
        }
    }
}
