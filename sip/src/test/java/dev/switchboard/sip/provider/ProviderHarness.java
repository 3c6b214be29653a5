package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.concurrent.StandaloneThreads;
import dev.switchboard.core.latency.LatencyRecorders;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.QueueingDelay;
import java.io.IOException;
import java.net.DatagramSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A started provider on a free loopback port with lines {@code fax-in} and {@code sales} (no
 * default line), the core's side recorded, and raw-UDP callers; closing it stops everything.
 */
final class ProviderHarness implements AutoCloseable {
    static final String SDP = "application/sdp";

    final RecordingEvents events = new RecordingEvents();
    private final StandaloneThreads threads = new StandaloneThreads("given-");
    private final List<SipPeer> peers = new ArrayList<>();
    final SipLineProvider provider;
    final int port;

    ProviderHarness(Map<String, String> extra) throws IOException {
        this(extra, QueueingDelay.NONE);
    }

    /** @param queueingDelay how far behind the adapter's threads say they are */
    ProviderHarness(Map<String, String> extra, QueueingDelay queueingDelay) throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(Map.of(SipSettings.PORT, String.valueOf(port),
                SipSettings.LINES, "fax-in,sales", SipSettings.RTP_PORT_RANGE, "43000-43999",
                SipSettings.DEFAULT_LINE, ""));
        settings.putAll(extra);
        provider = (SipLineProvider) new SipLineProviderFactory().create(settings);
        provider.start(new ProviderContext(events, threads.executor(), threads.longRunningExecutor(), threads.timer(),
                new LatencyRecorders(), queueingDelay));
    }

    SipPeer peer() throws IOException {
        SipPeer p = new SipPeer(port);
        peers.add(p);
        return p;
    }

    /** INVITE with an audio offer, 180, the owner answers, 200, ACK: a CONNECTED call. */
    void connect(SipPeer caller, String line) throws Exception {
        caller.send("INVITE", line, SDP, SipLineProviderTest.AUDIO_OFFER);
        caller.response(180, "INVITE");
        assertThat(events.next(caller.callId)).isEqualTo("newCall " + line + " 0x4");
        provider.answer(caller.callId);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        assertThat(events.next(caller.callId)).isEqualTo("state CONNECTED");
        caller.send("ACK", line, null, null);
    }

    /**
     * Sends an OPTIONS from {@code peer} and waits for its 200: the stack handles datagrams in
     * arrival order on one thread, so whatever the peer sent before has been handled by then.
     */
    void sync(SipPeer peer) throws IOException {
        String callId = "sync-" + UUID.randomUUID();
        peer.sendRaw("OPTIONS sip:sales@127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + peer.port()
                + ";branch=z9hG4bK" + callId + "\r\nFrom: <sip:sync@127.0.0.1>;tag=s\r\nTo: <sip:sales@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        peer.expect(m -> m.isResponse() && callId.equals(m.header("call-id")), "the 200 to a sync OPTIONS");
    }

    @Override
    public void close() {
        peers.forEach(SipPeer::close);
        provider.stop();
        threads.close();
        assertThat(events.overlapped()).as("two reports of one call ran at once").isFalse();
    }
}
