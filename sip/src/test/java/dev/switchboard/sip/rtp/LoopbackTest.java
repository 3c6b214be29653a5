package dev.switchboard.sip.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.sip.media.FaxTone;
import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Tone;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two streams of one engine talking over real UDP on 127.0.0.1, paced by the real timer: each
 * plays a fax tone to the other, whose {@link InboundDecoder} must hear it, and digits go across.
 */
class LoopbackTest {

    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final MediaEngine engine = MediaEngine.start(EngineConfig.defaults(), new DaemonThreads("loopback"));
    private final Heard heardByA = new Heard();
    private final Heard heardByB = new Heard();
    private final RtpStream a;
    private final RtpStream b;

    /** What one side's decoder reported, with the arrival time of every packet. */
    static final class Heard implements InboundDecoder.Listener {
        final List<FaxTone> tones = new CopyOnWriteArrayList<>();
        final StringBuffer digits = new StringBuffer();
        final List<Long> arrivals = new CopyOnWriteArrayList<>();

        @Override
        public void digit(char digit) {
            digits.append(digit);
        }

        @Override
        public void faxTone(FaxTone tone) {
            tones.add(tone);
        }
    }

    LoopbackTest() throws IOException {
        a = engine.open("call-a", ANY_PORT, StreamSettings.of(G711.ULAW), TestStreams.DIRECT);
        b = engine.open("call-b", ANY_PORT, StreamSettings.of(G711.ULAW), TestStreams.DIRECT);
        a.settings(a.settings().withRemote(b.localAddress()));
        b.settings(b.settings().withRemote(a.localAddress()));
        listen(a, heardByA);
        listen(b, heardByB);
    }

    private static void listen(RtpStream s, Heard heard) {
        InboundDecoder decoder = new InboundDecoder(s.name(), heard);
        s.consumer((packet, settings) -> {
            heard.arrivals.add(System.nanoTime());
            decoder.onPacket(packet, settings);
        });
    }

    @AfterEach
    void closeEngine() throws InterruptedException {
        engine.close();
        assertThat(engine.awaitStopped(5000)).isTrue();
    }

    @Test
    void eachEndHearsTheToneTheOtherPlays() {
        Completions aDone = new Completions();
        a.generateTone(Tone.of(1000, FaxTone.CNG.frequencyHz()), aDone);
        b.generateTone(Tone.of(1000, FaxTone.CED.frequencyHz()), new Completions());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(heardByB.tones).containsExactly(FaxTone.CNG);
            assertThat(heardByA.tones).containsExactly(FaxTone.CED);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> aDone.endings().equals(List.of(Ending.FINISHED)));
    }

    @Test
    void digitsSentAsTelephoneEventsArriveOnce() {
        a.generateDigits("159#", 60, new Completions());

        await().atMost(Duration.ofSeconds(10)).until(() -> heardByB.digits.toString().equals("159#"));
    }

    /** The real timer sends a packet every 20 ms on average (fixed rate: a late tick is made up at once). */
    @Test
    void packetsArriveEveryPacketTimeOnAverage() {
        await().atMost(Duration.ofSeconds(10)).until(() -> heardByB.arrivals.size() >= 30);

        List<Long> t = List.copyOf(heardByB.arrivals);
        double meanMillis = (t.get(t.size() - 1) - t.get(0)) / 1e6 / (t.size() - 1);
        assertThat(meanMillis).isBetween(16.0, 24.0);
    }

    @Test
    void closingTheEngineEndsEveryStreamAsCallGone() {
        Completions playing = new Completions();
        a.generateTone(Tone.BUSY, playing);

        engine.close();

        assertThat(playing.endings()).containsExactly(Ending.CALL_GONE);
        assertThat(a.isClosed()).isTrue();
        assertThat(b.isClosed()).isTrue();
        assertThat(engine.streams()).isZero();
    }
}
