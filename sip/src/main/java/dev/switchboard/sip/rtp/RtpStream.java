package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.AudioSource;
import dev.switchboard.sip.media.Prompt;
import dev.switchboard.sip.media.PromptException;
import dev.switchboard.sip.media.RtpFormatException;
import dev.switchboard.sip.media.RtpPacket;
import dev.switchboard.sip.media.Tone;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One call's RTP stream: what the provider plays, generates and records on the call. It sends one
 * packet per packet time, paced by the engine's shared timer: the running output's next packet, or
 * silence while nothing plays, so the peer's RTP timers never fire. What it receives goes to its
 * {@link PacketConsumer}, to a running recording and, while bridged, out on the other leg.
 *
 * <p>Every method may be called from any thread. Completions run on the executor the stream was
 * opened with (the call's serial executor), each exactly once, and the stream's close ends what
 * still runs with {@link Ending#CALL_GONE}.
 */
public final class RtpStream {

    private final String name;
    private final RtpSender sender;
    private final InetSocketAddress local;
    private final Executor callbacks;
    private final int tickMillis;
    private final OutputSlot output = new OutputSlot();
    private final Frame frame = new Frame();
    private final BridgeRelay relay = new BridgeRelay();
    private final Consumer<RtpStream> onClose;
    private volatile StreamSettings settings;
    private volatile PacketConsumer consumer = PacketConsumer.NONE;
    private volatile Recording recording;
    private volatile boolean latched;
    private volatile boolean closed;
    private int countdown;

    RtpStream(String name, StreamSettings settings, DatagramSink sink, int tickMillis, Executor callbacks,
              Consumer<RtpStream> onClose) {
        this.name = name;
        this.sender = new RtpSender(name, sink);
        this.local = sink.local();
        this.callbacks = callbacks;
        this.tickMillis = tickMillis;
        this.onClose = onClose;
        settings(settings);
    }

    /** A name for logs: the call's id. */
    public String name() {
        return name;
    }

    /** Where the stream receives (and sends from): the address and port for the SDP. */
    public InetSocketAddress localAddress() {
        return local;
    }

    public StreamSettings settings() {
        return settings;
    }

    /** New settings after a re-INVITE; a new remote address also ends latching, which starts over. */
    public void settings(StreamSettings next) {
        if (next.ptimeMillis() % tickMillis != 0) {
            throw new IllegalArgumentException("ptime " + next.ptimeMillis() + " ms is not a multiple of the "
                    + tickMillis + " ms tick");
        }
        StreamSettings previous = settings;
        if (previous == null || !Objects.equals(previous.remote(), next.remote())) {
            sender.remote(next.remote());
            latched = false;
        }
        settings = next;
    }

    /** Whether packets go out: false while the peer holds the call (sendonly, inactive) or after T.38. */
    public void sending(boolean on) {
        sender.sending(on);
    }

    /** Who hears the received packets besides recordings and bridges, such as an {@link InboundDecoder}. */
    public void consumer(PacketConsumer next) {
        consumer = Objects.requireNonNull(next, "consumer");
    }

    /** Plays a prompt, ending the running output as STOPPED; a file is read here, on the caller's thread. */
    public void play(Prompt prompt, Completion done) throws PromptException {
        AudioSource source = prompt.open();
        start(new AudioOutput(source), done);
    }

    /** Plays a tone (TAPI's lineGenerateTone). */
    public void generateTone(Tone tone, Completion done) {
        start(new AudioOutput(tone.open()), done);
    }

    /**
     * Sends digits (TAPI's lineGenerateDigits): as RFC 4733 events when the peer offered them,
     * otherwise in-band as DTMF tones.
     *
     * @param millis the length of each digit and of the gap after it
     */
    public void generateDigits(String digits, int millis, Completion done) {
        DigitOutput.check(digits, millis);
        if (settings.hasTelephoneEvents()) {
            start(new DigitOutput(digits, millis), done);
        } else {
            start(new AudioOutput(InBandDigits.source(digits, millis)), done);
        }
    }

    /** Ends the running output, if any, as STOPPED; true when there was one. */
    public boolean stopMedia() {
        return output.stop(Ending.STOPPED);
    }

    /** Records what the caller sends, ending a running recording as STOPPED. */
    public void record(RecordSettings what, RecordingResult.Callback done) {
        Recording next = new Recording(name, what, done, callbacks);
        Recording old = recording;
        recording = next;
        if (old != null) {
            old.end(Ending.STOPPED);
        }
        if (closed) {
            next.end(Ending.CALL_GONE);
        } else if (what.beep()) {
            generateTone(Tone.BEEP, ending -> {
                if (ending == Ending.FINISHED) {
                    next.capture();
                } else {
                    next.end(ending == Ending.CALL_GONE ? Ending.CALL_GONE : Ending.STOPPED);
                }
            });
        } else {
            next.capture();
        }
    }

    /** Ends the running recording, if any, as STOPPED; its file is still written. */
    public boolean stopRecording() {
        Recording r = recording;
        return r != null && r.end(Ending.STOPPED);
    }

    /** The call is over: ends what runs as CALL_GONE and gives the port back. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.accept(this);
        output.stop(Ending.CALL_GONE);
        Recording r = recording;
        if (r != null) {
            r.end(Ending.CALL_GONE);
        }
        relay.end(Ending.CALL_GONE);
    }

    public boolean isClosed() {
        return closed;
    }

    BridgeRelay relay() {
        return relay;
    }

    long ssrc() {
        return sender.ssrc();
    }

    Executor callbacks() {
        return callbacks;
    }

    private void start(Output out, Completion done) {
        Playback p = new Playback(out, done, callbacks);
        output.start(p);
        if (closed) {
            output.stop(Ending.CALL_GONE);
        }
    }

    /** The engine's timer ticked: sends a packet when a packet time has passed. Pacing thread only. */
    void onTick() {
        if (closed || --countdown > 0) { // closed: the pacer may still hold it for the rest of this tick
            return;
        }
        StreamSettings s = settings;
        countdown = s.ptimeMillis() / tickMillis;
        tick(s);
    }

    private void tick(StreamSettings s) {
        frame.reset(s, sender.clock());
        Playback p = output.current();
        boolean filled = p != null && p.output.next(frame);
        if (p != null && !filled) {
            output.finished(p);
        }
        if (!filled && relay.carriesAudio(s)) {
            sender.skip(s.samplesPerPacket());
        } else {
            if (!filled) {
                frame.silence();
            }
            sender.send(frame);
        }
        Recording r = recording;
        if (r != null) {
            r.onTick(s.ptimeMillis());
        }
    }

    /** A datagram arrived from {@code source}. I/O thread only. */
    void receive(byte[] data, int length, InetSocketAddress source) {
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(data, 0, length);
        } catch (RtpFormatException e) {
            MediaLog.badPacket(name, e.getMessage());
            return;
        }
        StreamSettings s = settings;
        if (s.latch() && !latched) {
            latched = true;
            sender.remote(source);
            MediaLog.latched(name, source, s.remote());
        }
        try {
            consumer.onPacket(packet, s);
        } catch (RuntimeException e) {
            MediaLog.consumerFailed(name, e);
        }
        Recording r = recording;
        if (r != null) {
            r.onPacket(packet, s);
        }
        relay.forward(packet, s);
    }

    /** Sends a packet of the other leg of a bridge on this stream. */
    void relayed(RtpPacket in, int payloadType, byte[] table) {
        if (!closed && output.current() == null) {
            sender.relay(in, payloadType, table);
        }
    }

    @Override
    public String toString() {
        return "RtpStream[" + name + "]";
    }
}
