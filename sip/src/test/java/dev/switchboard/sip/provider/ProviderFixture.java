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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A started SIP provider on a free loopback port with lines fax-in and sales, whose reports (the
 * core's events and the call-control results alike) go to one {@link RecordingEvents}; the
 * provider's log lines; and the raw-UDP peers a test talks to it with, all closed at the end. It
 * names calls and operations as the core does ({@code out-call-N}, {@code op-N}).
 */
final class ProviderFixture implements AutoCloseable {
    final RecordingEvents events = new RecordingEvents();
    final SipLogRecords log = new SipLogRecords();
    private final AtomicInteger ids = new AtomicInteger();
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
        provider.start(new ProviderContext(events, threads.executor(), threads.longRunningExecutor(), threads.timer()));
        // jain-sip makes its UDP processor's channel list on the processor's own thread, and a stack stopped
        // before that thread ran fails with a NullPointerException: a first exchange shows the thread runs
        try (SipPeer ping = new SipPeer(port)) {
            ping.send("OPTIONS", "sales", null, null);
            ping.finalResponse("OPTIONS");
        }
        return this;
    }

    /** Asks the provider to place a call as the core does, naming it {@code out-call-N}; returns the name. */
    String makeCall(String line, String destination, int mediaModes) {
        String id = "out-call-" + ids.incrementAndGet();
        provider.makeCall(id, line, destination, mediaModes);
        return id;
    }

    /** Asks for a redirect as the core does; returns the operation's id. */
    String redirect(String callId, String destination) {
        String op = "op-" + ids.incrementAndGet();
        provider.redirect(callId, op, destination);
        return op;
    }

    /** Asks for a blind transfer as the core does; returns the operation's id. */
    String blindTransfer(String callId, String destination) {
        String op = "op-" + ids.incrementAndGet();
        provider.blindTransfer(callId, op, destination);
        return op;
    }

    /** The SWB3020 lines logged so far: why outbound calls ended unanswered, with the SIP status. */
    String outboundFailures() {
        return String.join("\n", log.withId("SWB3020"));
    }

    /**
     * Sends an OPTIONS from {@code peer} and waits for its 200: the stack handles datagrams in
     * arrival order on one thread, so whatever the peer sent before has been handed on by then.
     */
    void sync(SipPeer peer) throws IOException {
        String callId = "sync-" + java.util.UUID.randomUUID();
        peer.sendRaw("OPTIONS sip:sales@127.0.0.1:" + port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + peer.port()
                + ";branch=z9hG4bK" + callId + "\r\nFrom: <sip:sync@127.0.0.1>;tag=s\r\nTo: <sip:sales@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        peer.expect(m -> m.isResponse() && callId.equals(m.header("call-id")), "the 200 to a sync OPTIONS");
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
        log.close();
        assertThat(events.overlapped()).as("two reports of one call ran at once").isFalse();
    }
}
