package dev.switchboard.sip.provider;

import dev.switchboard.sip.media.FaxTone;
import dev.switchboard.sip.media.FaxToneDetector;
import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.RtpFormatException;
import dev.switchboard.sip.media.RtpPacket;
import dev.switchboard.sip.media.TelephoneEventDecoder;
import dev.switchboard.sip.sdp.MediaDescription;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * One call's media socket and its reader. RTP packets of the negotiated audio stream are decoded:
 * G.711 into the fax-tone detector, telephone events into digits. The reader blocks on the socket
 * for the length of the call, as long-running work on the provider's long-running executor (the
 * WorkManager in the adapter), never on a thread of its own; closing the socket ends it. The
 * detector and decoder are used only by the reader. After a switch to T.38 the socket carries
 * UDPTL, which is not decoded (there is no fax engine here); the socket stays bound so that the
 * port stays ours.
 */
final class RtpSession {
    private static final int MAX_DATAGRAM = 2048;

    private final String callId;
    private final DatagramSocket socket;
    private final MediaEvents events;
    private final FaxToneDetector detector = new FaxToneDetector();
    private volatile MediaDescription audio;
    private volatile TelephoneEventDecoder digits;
    private volatile boolean audioActive;
    /** When the last datagram arrived ({@link System#nanoTime}), for the RTP inactivity timeout. */
    private volatile long lastDatagramNanos = System.nanoTime();

    RtpSession(String callId, DatagramSocket socket, MediaEvents events) {
        this.callId = callId;
        this.socket = socket;
        this.events = events;
    }

    int port() {
        return socket.getLocalPort();
    }

    /**
     * Starts decoding the offered audio stream (the one answered), reading on {@code longRunning}.
     *
     * @throws java.util.concurrent.RejectedExecutionException when no thread can be had for the reader
     */
    void start(MediaDescription offeredAudio, Executor longRunning) {
        this.audio = offeredAudio;
        this.digits = offeredAudio.telephoneEventPayloadType().stream()
                .mapToObj(TelephoneEventDecoder::new).findFirst().orElse(null);
        this.audioActive = true;
        longRunning.execute(this::readLoop);
    }

    /** The stream is now T.38 (or gone): stop decoding it as audio. */
    void stopAudio() {
        audioActive = false;
    }

    long lastDatagramNanos() {
        return lastDatagramNanos;
    }

    void close() {
        audioActive = false;
        socket.close();
    }

    private void readLoop() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
            } catch (IOException e) {
                return; // closed at the end of the call
            }
            lastDatagramNanos = System.nanoTime();
            if (audioActive) {
                try {
                    onPacket(RtpPacket.parse(buffer, 0, datagram.getLength()));
                } catch (RtpFormatException | RuntimeException e) {
                    SipLog.badMedia(callId, String.valueOf(e.getMessage()));
                }
            }
        }
    }

    private void onPacket(RtpPacket packet) throws RtpFormatException {
        TelephoneEventDecoder d = digits;
        if (d != null) {
            Optional<Character> digit = d.accept(packet);
            if (digit.isPresent()) {
                events.digit(digit.get());
                return;
            }
        }
        Optional<G711> law = audio.rtpMap(packet.payloadType()).flatMap(m -> G711.forEncoding(m.encoding()));
        int length = packet.payloadLength();
        if (law.isPresent() && length >= FaxToneDetector.MIN_FRAME) {
            FaxTone tone = detector.process(packet.buffer(), packet.payloadOffset(), length, law.get());
            if (tone != null) {
                events.faxTone();
            }
        }
    }
}
