package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.G711;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * How one call's RTP stream runs, as the SDP offer and answer settled it.
 *
 * @param audioPayloadType          the payload type of {@code law} (0 or 8, or a dynamic one)
 * @param telephoneEventPayloadType RFC 4733 events, or -1 when the peer did not offer them
 *                                  (digits are then sent in-band as tones)
 * @param ptimeMillis               the packet time: 10 to 60 ms in steps of 10
 * @param remote                    where to send; {@code null} until known (an offer not yet answered)
 * @param latch                     whether to send to the source of the first packet received
 *                                  instead (symmetric RTP, for peers behind NAT)
 */
public record StreamSettings(G711 law, int audioPayloadType, int telephoneEventPayloadType, int ptimeMillis,
                             InetSocketAddress remote, boolean latch) {

    public static final int DEFAULT_TELEPHONE_EVENT = 101;
    public static final int DEFAULT_PTIME = 20;

    public StreamSettings {
        Objects.requireNonNull(law, "law");
        checkPayloadType("audio", audioPayloadType);
        if (telephoneEventPayloadType != -1) {
            checkPayloadType("telephone-event", telephoneEventPayloadType);
        }
        if (telephoneEventPayloadType == audioPayloadType) {
            throw new IllegalArgumentException("audio and telephone-event share payload type " + audioPayloadType);
        }
        if (ptimeMillis < 10 || ptimeMillis > 60 || ptimeMillis % 10 != 0) {
            throw new IllegalArgumentException("ptime must be 10 to 60 ms in steps of 10, was " + ptimeMillis);
        }
    }

    /** {@code law} on its static payload type, events on 101, 20 ms, no remote yet, no latching. */
    public static StreamSettings of(G711 law) {
        return new StreamSettings(law, law.payloadType(), DEFAULT_TELEPHONE_EVENT, DEFAULT_PTIME, null, false);
    }

    public StreamSettings withRemote(InetSocketAddress address) {
        return new StreamSettings(law, audioPayloadType, telephoneEventPayloadType, ptimeMillis, address, latch);
    }

    public StreamSettings withPtime(int millis) {
        return new StreamSettings(law, audioPayloadType, telephoneEventPayloadType, millis, remote, latch);
    }

    /** Events on {@code payloadType}, or -1 for none. */
    public StreamSettings withTelephoneEvents(int payloadType) {
        return new StreamSettings(law, audioPayloadType, payloadType, ptimeMillis, remote, latch);
    }

    public StreamSettings withLatching(boolean on) {
        return new StreamSettings(law, audioPayloadType, telephoneEventPayloadType, ptimeMillis, remote, on);
    }

    /** Samples (and RTP timestamp units) in one packet: 8 per millisecond. */
    public int samplesPerPacket() {
        return ptimeMillis * 8;
    }

    public boolean hasTelephoneEvents() {
        return telephoneEventPayloadType >= 0;
    }

    private static void checkPayloadType(String what, int pt) {
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException(what + " payload type must be 0 to 127, was " + pt);
        }
    }
}
