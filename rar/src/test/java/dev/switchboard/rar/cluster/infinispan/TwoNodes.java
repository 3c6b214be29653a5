package dev.switchboard.rar.cluster.infinispan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;

/**
 * Infinispan cache managers in one JVM, clustered the way the WildFly nodes are: JGroups over TCP
 * on 127.0.0.1, members found by TCPPING on fixed ports, no multicast. Ports are free ones found at
 * start, so that parallel builds do not meet.
 */
final class TwoNodes implements AutoCloseable {
    private final String cluster = "switchboard-test-" + UUID.randomUUID();
    private final List<Integer> ports = new ArrayList<>();
    private final List<EmbeddedCacheManager> managers = new ArrayList<>();
    private final Path dir;

    TwoNodes(int nodes) {
        try {
            dir = Files.createTempDirectory("switchboard-jgroups");
            for (int i = 0; i < nodes; i++) {
                try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    ports.add(s.getLocalPort());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts node {@code i} (0-based), named node{i+1}; it joins the others already up. */
    EmbeddedCacheManager start(int i) {
        GlobalConfigurationBuilder g = GlobalConfigurationBuilder.defaultClusteredBuilder();
        g.cacheManagerName("node" + (i + 1));
        g.transport().clusterName(cluster).nodeName("node" + (i + 1))
                .addProperty(JGroupsTransport.CONFIGURATION_FILE, stack(i).toString());
        EmbeddedCacheManager m = new DefaultCacheManager(g.build());
        managers.add(m);
        return m;
    }

    private Path stack(int i) {
        StringBuilder hosts = new StringBuilder();
        for (int p : ports) {
            hosts.append(hosts.isEmpty() ? "" : ",").append("127.0.0.1[").append(p).append(']');
        }
        String xml = """
                <config xmlns="urn:org:jgroups">
                  <TCP bind_addr="127.0.0.1" bind_port="%d" port_range="0"/>
                  <TCPPING initial_hosts="%s" port_range="0"/>
                  <MERGE3 min_interval="1000" max_interval="3000"/>
                  <FD_SOCK2/>
                  <FD_ALL3 timeout="3000" interval="1000"/>
                  <VERIFY_SUSPECT2 timeout="500"/>
                  <pbcast.NAKACK2/>
                  <UNICAST3/>
                  <pbcast.STABLE/>
                  <pbcast.GMS join_timeout="1000" print_local_addr="false"/>
                  <UFC/>
                  <MFC/>
                  <FRAG4/>
                </config>
                """.formatted(ports.get(i), hosts);
        try {
            return Files.writeString(dir.resolve("node" + (i + 1) + ".xml"), xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = managers.size() - 1; i >= 0; i--) {
            managers.get(i).stop();
        }
    }
}
