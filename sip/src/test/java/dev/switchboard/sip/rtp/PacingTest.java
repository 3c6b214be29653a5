package dev.switchboard.sip.rtp;

import static dev.switchboard.sip.rtp.TestStreams.PEER;
import static dev.switchboard.sip.rtp.TestStreams.packetTimes;
import static dev.switchboard.sip.rtp.TestStreams.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.RtpPacket;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a stream sends on its own: one packet per packet time, silence while nothing plays. */
class PacingTest {

    private final SentPackets sink = new SentPackets();

    @ParameterizedTest(name = "{0} silence is 0x{1}")
    @CsvSource({"ULAW, FF", "ALAW, D5"})
    void silenceGoesOutEveryPacketTimeWhileNothingPlays(G711 law, String code) {
        RtpStream s = stream(law, sink);

        packetTimes(s, 5);

        assertThat(sink.size()).isEqualTo(5);
        for (RtpPacket p : sink.packets()) {
            assertThat(p.payloadType()).isEqualTo(law.payloadType());
            assertThat(p.payload()).hasSize(160).containsOnly((byte) Integer.parseInt(code, 16));
        }
        assertThat(sink.sent).allMatch(sent -> sent.to().equals(PEER));
    }

    @Test
    void sequenceTimestampAndSsrcRunOnFromRandomStarts() {
        RtpStream s = stream(G711.ULAW, sink);

        packetTimes(s, 50);

        List<RtpPacket> p = sink.packets();
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.get(i).sequenceNumber()).isEqualTo((p.get(i - 1).sequenceNumber() + 1) & 0xFFFF);
            assertThat(p.get(i).timestamp()).isEqualTo((p.get(i - 1).timestamp() + 160) & 0xFFFFFFFFL);
            assertThat(p.get(i).ssrc()).isEqualTo(p.get(0).ssrc());
        }
        SentPackets other = new SentPackets();
        packetTimes(stream(G711.ULAW, other), 1);
        assertThat(other.last().ssrc()).isNotEqualTo(p.get(0).ssrc());
        assertThat(other.last().sequenceNumber()).isNotEqualTo(p.get(0).sequenceNumber());
    }

    @Test
    void onlyTheFirstPacketOfTheStreamCarriesTheMarker() {
        packetTimes(stream(G711.ULAW, sink), 4);

        assertThat(sink.packets()).extracting(RtpPacket::marker).containsExactly(true, false, false, false);
    }

    @ParameterizedTest(name = "ptime {0} ms: {1} samples a packet")
    @CsvSource({"10, 80", "20, 160", "30, 240"})
    void eachStreamKeepsItsNegotiatedPacketTime(int ptime, int samples) {
        RtpStream s = stream(StreamSettings.of(G711.ULAW).withRemote(PEER).withPtime(ptime), sink);

        for (int tick = 0; tick < 60 / TestStreams.TICK; tick++) { // 60 ms of engine ticks
            s.onTick();
        }

        assertThat(sink.size()).isEqualTo(60 / ptime);
        assertThat(sink.packets()).allMatch(p -> p.payloadLength() == samples);
        assertThat(sink.packets().get(1).timestamp() - sink.packets().get(0).timestamp()).isEqualTo(samples);
    }

    /** One timer at 10 ms paces streams of 10, 20 and 30 ms side by side. */
    @Test
    void oneTimerServesEveryPtime() {
        Pacer pacer = new Pacer();
        SentPackets[] sinks = {new SentPackets(), new SentPackets(), new SentPackets()};
        for (int i = 0; i < 3; i++) {
            pacer.add(stream(StreamSettings.of(G711.ULAW).withRemote(PEER).withPtime(10 * (i + 1)), sinks[i]));
        }

        for (int tick = 0; tick < 30; tick++) {
            pacer.run();
        }

        assertThat(sinks).extracting(SentPackets::size).containsExactly(30, 15, 10);
    }

    @Test
    void aClosedStreamIsNoLongerPacedAndSendsNothingMore() {
        Pacer pacer = new Pacer();
        RtpStream s = new RtpStream("call-closing", StreamSettings.of(G711.ULAW).withRemote(PEER), sink,
                TestStreams.TICK, TestStreams.DIRECT, pacer::remove);
        pacer.add(s);
        pacer.run();

        s.close();
        s.onTick(); // a tick that had already picked the stream up
        pacer.run();
        pacer.run();

        assertThat(sink.size()).isEqualTo(1);
        assertThat(pacer.size()).isZero();
    }

    /** A stream whose tick fails (here: its call's executor is gone) is logged; the others keep their pace. */
    @Test
    void aFailingStreamDoesNotStopTheOthers() {
        Pacer pacer = new Pacer();
        SentPackets badSink = new SentPackets();
        RtpStream bad = new RtpStream("call-bad", StreamSettings.of(G711.ULAW).withRemote(PEER).withPtime(10), badSink,
                TestStreams.TICK, task -> {
                    throw new java.util.concurrent.RejectedExecutionException("executor shut down");
                }, c -> { });
        bad.generateTone(dev.switchboard.sip.media.Tone.of(10, 1000), ending -> { });
        pacer.add(bad);
        pacer.add(stream(StreamSettings.of(G711.ULAW).withRemote(PEER).withPtime(10), sink));

        pacer.run();
        pacer.run(); // the tone ends: telling its owner fails
        pacer.run();

        assertThat(sink.size()).isEqualTo(3);
        assertThat(badSink.size()).isEqualTo(2);
    }

    /** An address the channel cannot reach (IPv6 on an IPv4 socket) is logged once; every packet time tries again. */
    @Test
    void aRemoteTheChannelCannotReachIsLoggedAndTriedAgain() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        RtpStream s = new RtpStream("call-v6", StreamSettings.of(G711.ULAW).withRemote(PEER), (packet, to) -> {
            attempts.incrementAndGet();
            throw new java.nio.channels.UnsupportedAddressTypeException();
        }, TestStreams.TICK, TestStreams.DIRECT, c -> { });
        Pacer pacer = new Pacer();
        pacer.add(s);

        try (LogRecords log = new LogRecords()) {
            for (int tick = 0; tick < 6; tick++) {
                pacer.run();
            }

            assertThat(attempts).hasValue(3);
            assertThat(log.atLeast(java.util.logging.Level.WARNING)).singleElement()
                    .satisfies(m -> assertThat(m).startsWith("SWB3102"));
        }
    }

    @Test
    void withoutARemoteNothingIsSentButTheClockRuns() {
        RtpStream s = stream(StreamSettings.of(G711.ULAW), sink);
        packetTimes(s, 3);
        assertThat(sink.size()).isZero();

        s.settings(s.settings().withRemote(PEER));
        packetTimes(s, 1);
        s.settings(s.settings().withRemote(new InetSocketAddress("127.0.0.1", 40002)));
        packetTimes(s, 1);

        assertThat(sink.size()).isEqualTo(2);
        assertThat(sink.sent.get(1).to().getPort()).isEqualTo(40002);
        assertThat(sink.packets().get(1).timestamp() - sink.packets().get(0).timestamp()).isEqualTo(160);
    }

    /** Hold (sendonly, inactive): nothing goes out, and after it a marker tells of the timestamp jump. */
    @Test
    void aHeldStreamSendsNothingAndResumesWithAMarker() {
        RtpStream s = stream(G711.ULAW, sink);
        packetTimes(s, 2);
        s.sending(false);
        packetTimes(s, 5);
        assertThat(sink.size()).isEqualTo(2);

        s.sending(true);
        packetTimes(s, 2);

        List<RtpPacket> p = sink.packets();
        assertThat(p).extracting(RtpPacket::marker).containsExactly(true, false, true, false);
        assertThat(p.get(2).timestamp() - p.get(1).timestamp()).isEqualTo(6 * 160);
        assertThat(p.get(2).sequenceNumber()).isEqualTo((p.get(1).sequenceNumber() + 1) & 0xFFFF);
    }

    @Test
    void latchingSendsToWhereTheFirstPacketCameFrom() {
        RtpStream s = stream(StreamSettings.of(G711.ULAW).withRemote(PEER).withLatching(true), sink);
        InetSocketAddress nat = new InetSocketAddress("127.0.0.1", 50000);
        InetSocketAddress other = new InetSocketAddress("127.0.0.1", 50002);
        byte[] silence = TestStreams.packet(0, false, 1, 1, 1, new byte[160]);

        s.receive(silence, silence.length, nat);
        s.receive(silence, silence.length, other);
        packetTimes(s, 1);

        assertThat(sink.sent.get(0).to()).isEqualTo(nat);
    }

    @Test
    void withoutLatchingTheSdpAddressIsKept() {
        RtpStream s = stream(G711.ULAW, sink);
        byte[] silence = TestStreams.packet(0, false, 1, 1, 1, new byte[160]);

        s.receive(silence, silence.length, new InetSocketAddress("127.0.0.1", 50000));
        packetTimes(s, 1);

        assertThat(sink.sent.get(0).to()).isEqualTo(PEER);
    }

    @Test
    void aPtimeTheTickCannotServeIsRefused() {
        RtpStream s = new RtpStream("call-odd", StreamSettings.of(G711.ULAW), sink, 20, TestStreams.DIRECT, c -> { });

        assertThatThrownBy(() -> s.settings(s.settings().withPtime(30).withRemote(PEER)))
                .hasMessageContaining("ptime 30 ms").hasMessageContaining("20 ms tick");
        packetTimes(s, 1);
        assertThat(sink.size()).as("the refused settings changed nothing, not even the remote").isZero();
    }

    @Test
    void badSettingsNameWhatIsWrong() {
        assertThatThrownBy(() -> StreamSettings.of(G711.ULAW).withPtime(25)).hasMessageContaining("25");
        assertThatThrownBy(() -> StreamSettings.of(G711.ULAW).withTelephoneEvents(0)).hasMessageContaining("share");
        assertThatThrownBy(() -> StreamSettings.of(G711.ULAW).withTelephoneEvents(128))
                .hasMessageContaining("telephone-event payload type");
        assertThatThrownBy(() -> new EngineConfig(0, "rtp", 10)).hasMessageContaining("ioThreads");
        assertThatThrownBy(() -> new EngineConfig(1, " ", 10)).hasMessageContaining("threadNamePrefix");
        assertThatThrownBy(() -> new EngineConfig(1, "rtp", 3)).hasMessageContaining("tickMillis");
    }
}
