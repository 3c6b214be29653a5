package dev.switchboard.sip.provider;

import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.sip.media.FaxTone;
import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.Prompt;
import dev.switchboard.sip.media.PromptException;
import dev.switchboard.sip.rtp.Ending;
import dev.switchboard.sip.rtp.InboundDecoder;
import dev.switchboard.sip.rtp.PeerMedia;
import dev.switchboard.sip.rtp.RecordSettings;
import dev.switchboard.sip.rtp.RecordingResult;
import dev.switchboard.sip.rtp.RtpStream;
import dev.switchboard.sip.rtp.StreamSettings;
import dev.switchboard.sip.sdp.MediaDescription;
import dev.switchboard.sip.sdp.SessionDescription;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One call's RTP: its stream on the provider's {@link dev.switchboard.sip.rtp.MediaEngine}, opened
 * with the call (its port goes into the SDP) and closed with it. No thread is the call's own: the
 * engine's I/O loop hands received packets to the {@link InboundDecoder} (RFC 4733 digits, CNG/CED
 * fax tones) and its pacing loop sends one packet per packet time. Until the call is answered the
 * stream has nowhere to send; from then on it sends silence while nothing plays, so a gateway's RTP
 * timer never takes an answered call for dead.
 *
 * <p>It carries out the core's media operations (R25-R28): a play, digits (RFC 4733 with the
 * payload type the peer gave, in-band tones without one) and a recording, each named by the
 * core's operation id and reported once as it ends ({@link #reasonFor} maps the engine's
 * endings). The core keeps one output and one input per call; this class only remembers which
 * operation the stream runs, so that a stop for an operation that has already ended stops nothing.
 *
 * <p>The methods are called on the call's serial executor; the stream's completions and the
 * decoder's reports are handed to that executor too.
 */
final class CallMedia {
    /** How long each generated digit sounds, and the pause after it: 200 ms a digit, as the simulated switch. */
    static final int DIGIT_MILLIS = 100;

    /** What the decoder hears, handed to the call's serial executor by the call. */
    interface Heard {
        void faxTone();

        void digit(char digit);
    }

    /** Where an operation's end goes: the core, unless the call is over for it. */
    interface Finished {
        void finished(String operationId, MediaEndReason reason, Duration recorded);
    }

    private final String callId;
    private final RtpStream stream;
    private Finished finished = (op, reason, recorded) -> { };
    /** The operation the stream's output runs (a play or digits), or null. */
    private String output;
    /** The recording the stream runs, or null. */
    private String recording;
    private volatile boolean decoding;
    /** The telephone-event payload type the peer sends with when it is not the one we send with, else -1. */
    private volatile int receivedEvents = -1;
    /** When the last RTP packet arrived ({@link System#nanoTime}), for the RTP inactivity timeout. */
    private volatile long lastPacketNanos = System.nanoTime();

    private CallMedia(String callId, RtpStream stream) {
        this.callId = callId;
        this.stream = stream;
    }

    /**
     * Opens the call's stream on {@code channel} (bound to a port of sipRtpPortRange), which it then
     * owns; {@code callExecutor} is the call's serial executor.
     *
     * @throws IOException when the engine cannot take the channel (the channel is closed then)
     */
    static CallMedia open(SipContext ctx, String callId, DatagramChannel channel, Executor callExecutor, Heard heard)
            throws IOException {
        RtpStream stream;
        try {
            stream = ctx.media().open(callId, channel, StreamSettings.of(G711.ULAW), callExecutor);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        CallMedia media = new CallMedia(callId, stream);
        InboundDecoder decoder = new InboundDecoder(callId, new InboundDecoder.Listener() {
            @Override
            public void digit(char digit) {
                heard.digit(digit);
            }

            @Override
            public void faxTone(FaxTone tone) {
                heard.faxTone();
            }
        });
        stream.consumer((packet, settings) -> {
            media.lastPacketNanos = System.nanoTime();
            if (media.decoding) {
                int events = media.receivedEvents;
                decoder.onPacket(packet, events < 0 || events == settings.telephoneEventPayloadType() ? settings
                        : settings.withTelephoneEvents(events));
            }
        });
        return media;
    }

    /** Where the operations' ends are reported from now on. */
    void reportTo(Finished to) {
        finished = to;
    }

    /** The local RTP port, for the SDP. */
    int port() {
        return stream.localAddress().getPort();
    }

    /**
     * The call is answered with {@code audio} of {@code sdp} (the peer's offer, or its answer to
     * ours): RTP goes to the peer as the SDP says, and what it sends is decoded.
     *
     * @param latch send to where the peer's RTP comes from: for a caller that made no offer (its
     *              address would come in the ACK, which is not read)
     */
    void answered(SessionDescription sdp, MediaDescription audio, boolean latch) {
        decoding = true;
        lastPacketNanos = System.nanoTime();
        apply(sdp, audio, latch);
    }

    /**
     * The peer sends its RFC 4733 digits with {@code payloadType}, which may differ from the one it
     * receives them with (a call this side placed: ours is the offer's, its the answer's); -1 for
     * the same.
     */
    void receiveEventsOn(int payloadType) {
        receivedEvents = payloadType;
    }

    /**
     * The peer offered the audio again (hold with sendonly or inactive, resume, a new address):
     * the stream follows it and keeps decoding; the codec was kept by the answer.
     */
    void renegotiated(SessionDescription sdp, Optional<MediaDescription> audio) {
        if (audio.isEmpty()) {
            stream.sending(false); // the audio was put aside: nothing to send to
            return;
        }
        apply(sdp, audio.get(), false);
    }

    /**
     * The call switched to T.38: the port carries UDPTL now, not audio; nothing is decoded or sent,
     * and what plays or records ends (CANCELLED).
     */
    void stopAudio() {
        decoding = false;
        stream.sending(false);
        stream.stopMedia();
        stopRecording();
    }

    /** The stream itself, for a bridge to another call's. */
    RtpStream stream() {
        return stream;
    }

    /** Whether answered audio is being decoded: only then is RTP inactivity a sign the caller is gone. */
    boolean decoding() {
        return decoding;
    }

    long lastPacketNanos() {
        return lastPacketNanos;
    }

    // ---- the core's operations (R25-R28) ----

    /**
     * Plays {@code prompt} (a file is read here, on the call's executor), replacing what the
     * output runs; reported as {@code opId} when it ends.
     *
     * @throws PromptException when a file cannot be read or converted: nothing changes
     */
    void play(String opId, Prompt prompt) throws PromptException {
        stream.play(prompt, ending -> outputEnded(opId, ending));
        output = opId;
    }

    /** Sends {@code digits}, RFC 4733 events on the peer's payload type (in-band tones if it gave none). */
    void generateDigits(String opId, String digits) {
        stream.generateDigits(digits, DIGIT_MILLIS, ending -> outputEnded(opId, ending));
        output = opId;
    }

    /** Records the caller as {@code request} asks, after a beep if it asks; a maximum silence ends it SILENCE. */
    void record(String opId, RecordRequest request) {
        RecordSettings what = RecordSettings.to(request.path()).withMaxDuration(millis(request.maxDuration()))
                .withMaxSilence(millis(request.maxSilence())).withBeep(request.beep());
        recording = opId;
        stream.record(what, result -> recordingEnded(opId, result));
    }

    /** Stops operation {@code opId} if the stream still runs it; its end is reported CANCELLED (a recording with its length). */
    void stop(String opId) {
        if (opId.equals(output)) {
            stream.stopMedia();
        } else if (opId.equals(recording)) {
            stream.stopRecording();
        }
    }

    /** Stops the running recording, if any, reported CANCELLED with its file complete (before a transfer's success). */
    void stopRecording() {
        if (recording != null) {
            stream.stopRecording();
        }
    }

    /** How the engine's ending of an operation is reported to the core (R28). */
    static MediaEndReason reasonFor(Ending ending) {
        return switch (ending) {
            case FINISHED, MAX_DURATION -> MediaEndReason.DONE;
            case MAX_SILENCE -> MediaEndReason.SILENCE;
            case STOPPED -> MediaEndReason.CANCELLED;
            case CALL_GONE -> MediaEndReason.HANGUP;
            case FAILED -> MediaEndReason.FAILED;
        };
    }

    private void outputEnded(String opId, Ending ending) {
        if (opId.equals(output)) {
            output = null;
        }
        finished.finished(opId, reasonFor(ending), Duration.ZERO);
    }

    private void recordingEnded(String opId, RecordingResult result) {
        if (opId.equals(recording)) {
            recording = null;
        }
        finished.finished(opId, reasonFor(result.ending()), Duration.ofMillis(result.lengthMillis()));
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    /** The call is over: what runs ends (its completions go to the call's executor) and the port is given back. Idempotent, any thread. */
    void close() {
        decoding = false;
        stream.close();
    }

    private void apply(SessionDescription sdp, MediaDescription audio, boolean latch) {
        Optional<StreamSettings> settings;
        try {
            settings = PeerMedia.settings(sdp, audio, latch);
        } catch (UnknownHostException e) {
            SipLog.mediaUnreachable(callId, e.getMessage());
            settings = Optional.empty();
        }
        if (settings.isEmpty()) {
            stream.sending(false);
            return;
        }
        stream.settings(settings.get());
        stream.sending(PeerMedia.sendsTo(sdp.directionOf(audio)));
    }
}
