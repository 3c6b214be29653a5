package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.media.RtpPacket;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One stream's side of a {@link Bridge}: forwards what the stream receives to the other leg, with
 * the other leg's payload types, transcoding µ-law and A-law when the legs differ, passing RFC 4733
 * events through (dropped when the other leg did not offer them). Other payloads (comfort noise,
 * codecs the leg did not negotiate) are not forwarded.
 *
 * <p>It also tells the pacer whether relayed audio is arriving: while it does, the stream sends
 * no silence of its own. Up to three packet times without a relayed packet are taken as jitter;
 * from the fourth, silence fills in again.
 */
final class BridgeRelay {

    private static final int IDLE_PACKET_TIMES = 3;
    private static final byte[] ULAW_TO_ALAW = G711.ULAW.transcodeTo(G711.ALAW);
    private static final byte[] ALAW_TO_ULAW = G711.ALAW.transcodeTo(G711.ULAW);

    private final AtomicReference<Bridge> bridge = new AtomicReference<>();
    private volatile RtpStream other;
    private volatile int idle = IDLE_PACKET_TIMES + 1;

    boolean attach(Bridge b, RtpStream to) {
        if (!bridge.compareAndSet(null, b)) {
            return false;
        }
        other = to;
        return true;
    }

    void detach(Bridge b) {
        if (bridge.compareAndSet(b, null)) {
            other = null;
            idle = IDLE_PACKET_TIMES + 1;
        }
    }

    Bridge bridge() {
        return bridge.get();
    }

    void end(Ending ending) {
        Bridge b = bridge.get();
        if (b != null) {
            b.end(ending);
        }
    }

    /** Whether the other leg's audio filled this packet time recently. Pacing thread, once a packet time. */
    boolean carriesAudio(StreamSettings s) {
        if (bridge.get() == null) {
            return false;
        }
        int i = idle;
        idle = Math.min(i + 1, IDLE_PACKET_TIMES + 1);
        return i <= IDLE_PACKET_TIMES;
    }

    /** A packet this stream received, in its settings {@code from}, goes out on the other leg. I/O thread. */
    void forward(RtpPacket packet, StreamSettings from) {
        RtpStream to = other;
        if (to == null || bridge.get() == null) {
            return;
        }
        StreamSettings out = to.settings();
        if (packet.payloadType() == from.telephoneEventPayloadType()) {
            if (out.hasTelephoneEvents()) {
                to.relayed(packet, out.telephoneEventPayloadType(), null);
            }
        } else if (packet.payloadType() == from.audioPayloadType()) {
            to.relayed(packet, out.audioPayloadType(), table(from.law(), out.law()));
            to.relay().idle = 0;
        }
    }

    private static byte[] table(G711 from, G711 to) {
        if (from == to) {
            return null;
        }
        return from == G711.ULAW ? ULAW_TO_ALAW : ALAW_TO_ULAW;
    }
}
