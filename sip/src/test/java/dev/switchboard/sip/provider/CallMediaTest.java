package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Goertzel;
import dev.switchboard.sip.media.RtpFormatException;
import dev.switchboard.sip.media.TelephoneEventDecoder;
import dev.switchboard.sip.media.WavReader;
import dev.switchboard.sip.media.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call's RTP as the caller hears it: what the provider's media engine sends to the address in
 * the caller's SDP, received and decoded on a loopback socket ({@link RtpPeer}).
 */
class CallMediaTest {
    static final String SDP = "application/sdp";
    /** One packet time, in nanoseconds: the tolerance of every timing check. */
    private static final long PACKET_TIME = 20_000_000L;

    private final ProviderFixture fx = new ProviderFixture();
    private final RtpPeer media;

    CallMediaTest() throws Exception {
        media = new RtpPeer();
    }

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        media.close();
        fx.close();
    }

    /** INVITE with the RTP peer's offer, answered by an owner, ACKed; returns the provider's RTP port. */
    static int connect(ProviderFixture fx, SipPeer caller, String offer) throws Exception {
        caller.send("INVITE", "sales", SDP, offer);
        caller.response(180, "INVITE");
        assertThat(fx.events.next(caller.callId)).isEqualTo("newCall sales 0x4");
        fx.provider.answer(caller.callId);
        SipPeer.Message ok = caller.finalResponse("INVITE");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(fx.events.next(caller.callId)).isEqualTo("state CONNECTED");
        caller.send("ACK", "sales", null, null);
        return portOf(ok.body());
    }

    static int portOf(String sdp) {
        Matcher m = Pattern.compile("m=audio (\\d+) ").matcher(sdp);
        assertThat(m.find()).as("an audio line in " + sdp).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void anAnsweredCallSendsSilencePacedAtTheOfferedPacketTimeAndNothingBeforeTheAnswer() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        caller.send("INVITE", "sales", SDP, media.offer());
        caller.response(180, "INVITE");
        assertThat(fx.events.next(caller.callId)).isEqualTo("newCall sales 0x4");
        assertThat(media.poll(200)).as("no RTP while the call rings").isNull();

        fx.provider.answer(caller.callId);
        assertThat(caller.finalResponse("INVITE").status()).isEqualTo(200);
        List<RtpPeer.Packet> packets = media.take(50);

        RtpPeer.Packet first = packets.get(0);
        for (int i = 0; i < packets.size(); i++) {
            RtpPeer.Packet p = packets.get(i);
            assertThat(p.payloadType()).as("PCMU, the caller's first codec").isZero();
            assertThat(p.payload()).hasSize(160);
            assertThat(Goertzel.silent(p.samples(G711.ULAW), 0, 160)).as("silence").isTrue();
            assertThat(p.ssrc()).isEqualTo(first.ssrc());
            assertThat(p.sequence()).isEqualTo((first.sequence() + i) & 0xFFFF);
            assertThat(p.timestamp()).isEqualTo((first.timestamp() + 160L * i) & 0xFFFFFFFFL);
        }
        assertPaced(packets);
    }

    @Test
    void theFarEndsHoldStopsWhatIsSentAndItsResumeSendsAgainWhereItSays() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(fx, caller, media.offer("8 0 101", "sendrecv"));
        assertThat(media.next(1000).payloadType()).as("PCMA, the caller's first").isEqualTo(8);

        caller.send("INVITE", "sales", SDP, media.offer("8 0 101", "sendonly"));
        assertThat(caller.finalResponse("INVITE").body()).contains("a=recvonly");
        caller.send("ACK", "sales", null, null);
        media.during(100); // what was on its way before the hold
        assertThat(media.during(200)).as("nothing while held").isEmpty();

        try (RtpPeer moved = new RtpPeer()) {
            caller.send("INVITE", "sales", SDP, moved.offer("0 8 101", "sendrecv"));
            assertThat(caller.finalResponse("INVITE").body()).contains("a=sendrecv").contains("RTP/AVP 8 101");
            caller.send("ACK", "sales", null, null);
            assertThat(moved.next(1000).payloadType()).as("resumed at the new port, still PCMA").isEqualTo(8);
        }
    }

    // ---- the core's media operations (R25-R28) ----

    @Test
    void aFileThenAToneArriveInOrderPacedAndThePlayEndsDone_R28() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(fx, caller, media.offer());
        Path wav = dir.resolve("prompt.wav");
        WavWriter.write(wav, sine(1200, 600), 4800);

        fx.provider.play(caller.callId, "play-1", List.of(Prompt.file(wav),
                Tone.custom(Duration.ofMillis(400), Duration.ofMillis(400), Duration.ZERO, 700)));

        RtpPeer.Packet first = media.until(p -> share(p, 1200) > 0.9, 3000, "the file's 1200 Hz");
        List<RtpPeer.Packet> played = new ArrayList<>(List.of(first));
        played.addAll(media.take(54));
        for (int i = 0; i < played.size(); i++) {
            RtpPeer.Packet p = played.get(i);
            String heard = i < 30 ? "the file's 1200 Hz" : i < 50 ? "the tone's 700 Hz" : "silence after the play";
            if (i < 30) {
                assertThat(share(p, 1200)).as("packet %d: %s", i, heard).isGreaterThan(0.9);
            } else if (i < 50) {
                assertThat(share(p, 700)).as("packet %d: %s", i, heard).isGreaterThan(0.9);
            } else {
                assertThat(Goertzel.silent(p.samples(G711.ULAW), 0, 160)).as("packet %d: %s", i, heard).isTrue();
            }
            assertThat(p.sequence()).isEqualTo((first.sequence() + i) & 0xFFFF);
        }
        assertPaced(played);
        assertThat(fx.events.next(caller.callId)).isEqualTo("finished play-1 DONE 0ms");
    }

    @Test
    void stoppingAPlayEndsItCancelledAndSilenceFollows_R28() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(fx, caller, media.offer());
        fx.provider.play(caller.callId, "play-1", List.of(Tone.BUSY.withDuration(Duration.ofSeconds(30))));
        media.until(p -> share(p, 480) > 0.3, 3000, "the busy tone");

        fx.provider.stopMedia(caller.callId, "play-1");

        assertThat(fx.events.next(caller.callId)).isEqualTo("finished play-1 CANCELLED 0ms");
        fx.provider.stopMedia(caller.callId, "play-1"); // ended already: nothing more
        media.until(p -> Goertzel.silent(p.samples(G711.ULAW), 0, 160), 1000, "silence after the stop");
        fx.sync(caller);
        assertThat(fx.events.isEmpty()).isTrue();
    }

    @Test
    void aHangUpInTheMiddleOfAPlayEndsItOnceWithHangupBeforeTheCallsEnd_R28() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(fx, caller, media.offer());
        fx.provider.play(caller.callId, "play-1", List.of(Tone.custom(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ZERO, 1000)));
        media.until(p -> share(p, 1000) > 0.9, 3000, "the tone");

        caller.send("BYE", "sales", null, null);
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);

        assertThat(fx.events.take(2, caller.callId)).containsExactly("finished play-1 HANGUP 0ms", "hangup");
        fx.sync(caller);
        assertThat(fx.events.isEmpty()).as("exactly one completion").isTrue();
        assertThat(fx.provider.resources().mediaPorts()).as("the call's port is given back").isZero();
    }

    @Test
    void aFileThatCannotBeReadFailsThePlayAndTheCallGoesOn_R33() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(fx, caller, media.offer());
        Path broken = Files.writeString(dir.resolve("broken.wav"), "not a WAV file");

        fx.provider.play(caller.callId, "play-1", List.of(Prompt.file(broken)));

        assertThat(fx.events.next(caller.callId)).isEqualTo("finished play-1 FAILED 0ms");
        assertThat(fx.log.withId("SWB3015")).singleElement().asString().contains("play play-1").contains("broken.wav");
        media.until(p -> Goertzel.silent(p.samples(G711.ULAW), 0, 160), 1000, "silence: the call goes on");
    }

    @Test
    void generatedDigitsReachThePeerAsRfc4733EventsOnItsPayloadType_R28() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        connect(fx, caller, media.offer());

        fx.provider.generateDigits(caller.callId, "digits-1", "159#");

        TelephoneEventDecoder decoder = new TelephoneEventDecoder(101);
        StringBuilder heard = new StringBuilder();
        media.until(p -> {
            try {
                decoder.accept(p.datagram(), 0, p.datagram().length).ifPresent(heard::append);
            } catch (RtpFormatException e) {
                throw new AssertionError(e);
            }
            return heard.length() == 4;
        }, 5000, "four digits");
        assertThat(heard).hasToString("159#");
        assertThat(fx.events.next(caller.callId)).isEqualTo("finished digits-1 DONE 0ms");
    }

    @Test
    void aRecordingAfterTheBeepHoldsWhatTheCallerSaidAndEndsOnSilence_R28() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        int port = connect(fx, caller, media.offer());
        Path file = dir.resolve("message.wav");

        fx.provider.record(caller.callId, "rec-1", RecordRequest.to(file).withBeep(true)
                .withMaxSilence(Duration.ofMillis(400)));

        media.until(p -> share(p, 1000) > 0.9, 3000, "the beep");
        media.until(p -> Goertzel.silent(p.samples(G711.ULAW), 0, 160), 1000, "the end of the beep");
        media.sendAudio(port, sine(440, 1000), 1); // the caller speaks for a second, then is silent

        assertThat(fx.events.next(caller.callId)).isEqualTo("finished rec-1 SILENCE 1000ms");
        short[] recorded = WavReader.read(file);
        assertThat(recorded).hasSize(8000);
        assertThat(Goertzel.share(recorded, 440)).as("the caller's 440 Hz, and no beep in it").isGreaterThan(0.9);
    }

    @Test
    void aHangUpWhileRecordingReportsTheCompleteFileBeforeTheCallsEnd_R28() throws Exception {
        fx.start(Map.of());
        SipPeer caller = fx.caller();
        int port = connect(fx, caller, media.offer());
        Path file = dir.resolve("message.wav");
        fx.provider.record(caller.callId, "rec-1", RecordRequest.to(file));
        fx.sync(caller);
        media.sendAudio(port, sine(440, 400), 1);
        media.until(p -> true, 1000, "a packet after the audio went out"); // the I/O loop read it meanwhile, in order

        caller.send("BYE", "sales", null, null);
        assertThat(caller.finalResponse("BYE").status()).isEqualTo(200);

        List<String> reports = fx.events.take(2, caller.callId);
        assertThat(reports.get(0)).matches("finished rec-1 HANGUP \\d+ms");
        assertThat(reports.get(1)).isEqualTo("hangup");
        long millis = Long.parseLong(reports.get(0).replaceAll("\\D+", " ").trim().split(" ")[1]);
        assertThat(WavReader.read(file)).as("the file is complete when its report comes").hasSize((int) millis * 8);
    }

    /** The share of a packet's energy at {@code hz} (PCMU). */
    private static double share(RtpPeer.Packet p, double hz) {
        return Goertzel.share(p.samples(G711.ULAW), hz);
    }

    /** Each packet arrives at its packet time counted at a fixed rate from the first, within one packet time. */
    private static void assertPaced(List<RtpPeer.Packet> packets) {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < packets.size(); i++) {
            earliest = Math.min(earliest, packets.get(i).arrivalNanos() - i * PACKET_TIME);
        }
        for (int i = 0; i < packets.size(); i++) {
            assertThat(packets.get(i).arrivalNanos() - i * PACKET_TIME - earliest)
                    .as("packet %d arrives within one packet time of its time", i).isLessThan(PACKET_TIME);
        }
    }

    static short[] sine(double hz, int millis) {
        short[] s = new short[millis * 8];
        for (int n = 0; n < s.length; n++) {
            s[n] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * n / 8000));
        }
        return s;
    }
}
