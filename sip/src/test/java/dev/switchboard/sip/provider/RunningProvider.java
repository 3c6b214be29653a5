package dev.switchboard.sip.provider;

import dev.switchboard.core.concurrent.StandaloneThreads;
import dev.switchboard.core.spi.ProviderContext;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * A started SIP provider for the admission and TLS tests: lines {@code fax-in} and
 * {@code sales} (no default line) on a free UDP port, plus whatever settings the test adds;
 * the reports to the core are recorded.
 */
final class RunningProvider implements AutoCloseable {
    final RecordingEvents events = new RecordingEvents();
    final SipLineProvider provider;
    final int port;
    private final StandaloneThreads threads = new StandaloneThreads("admission-test-");

    RunningProvider(Map<String, String> extra) throws IOException {
        port = freeUdpPort();
        Map<String, String> settings = new HashMap<>(Map.of(SipSettings.PORT, String.valueOf(port),
                SipSettings.LINES, "fax-in,sales", SipSettings.RTP_PORT_RANGE, "41000-41999",
                SipSettings.DEFAULT_LINE, ""));
        settings.putAll(extra);
        provider = (SipLineProvider) new SipLineProviderFactory().create(settings);
        provider.start(new ProviderContext(events, threads.executor(), threads.longRunningExecutor(), threads.timer()));
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() {
        provider.stop();
        threads.close();
    }
}
