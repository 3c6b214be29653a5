package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.concurrent.StandaloneThreads;
import dev.switchboard.core.spi.ProviderContext;
import java.io.IOException;
import java.net.DatagramSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A started SIP provider on a free loopback port with lines fax-in and sales, whose reports (the
 * core's events and the call-control results alike) go to one {@link RecordingEvents}; and the
 * raw-UDP peers a test talks to it with, all closed at the end.
 */
final class ProviderFixture implements AutoCloseable {
    final RecordingEvents events = new RecordingEvents();
    private final StandaloneThreads threads = new StandaloneThreads("given-");
    private final List<AutoCloseable> peers = new ArrayList<>();
    SipLineProvider provider;
    int port;

    ProviderFixture start(Map<String, String> extra) throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(Map.of(SipSettings.PORT, String.valueOf(port),
                SipSettings.LINES, "fax-in,sales", SipSettings.RTP_PORT_RANGE, "42000-42999",
                SipSettings.DEFAULT_LINE, ""));
        settings.putAll(extra);
        provider = (SipLineProvider) new SipLineProviderFactory().create(settings);
        provider.setCallControlListener(new RecordingControl(events));
        provider.start(new ProviderContext(events, threads.executor(), threads.longRunningExecutor(), threads.timer()));
        // jain-sip makes its UDP processor's channel list on the processor's own thread, and a stack stopped
        // before that thread ran fails with a NullPointerException: a first exchange shows the thread runs
        try (SipPeer ping = new SipPeer(port)) {
            ping.send("OPTIONS", "sales", null, null);
            ping.finalResponse("OPTIONS");
        }
        return this;
    }

    /** A caller towards the provider. */
    SipPeer caller() throws IOException {
        SipPeer p = new SipPeer(port);
        peers.add(p);
        return p;
    }

    /** A far end the provider calls; it may be made before the provider starts (to be its outbound proxy). */
    SipCallee callee() throws IOException {
        SipCallee c = new SipCallee();
        peers.add(c);
        return c;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable p : peers) {
            p.close();
        }
        if (provider != null) {
            provider.stop();
        }
        threads.close();
        assertThat(events.overlapped()).as("two reports of one call ran at once").isFalse();
    }
}
