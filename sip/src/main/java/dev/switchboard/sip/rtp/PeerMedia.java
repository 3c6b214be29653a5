package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.G711;
import dev.switchboard.sip.sdp.Connection;
import dev.switchboard.sip.sdp.Direction;
import dev.switchboard.sip.sdp.MediaDescription;
import dev.switchboard.sip.sdp.SessionDescription;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a stream's settings from the peer's SDP (its offer, or its answer to ours): the first G.711
 * codec in its order (the one {@link dev.switchboard.sip.sdp.SdpAnswerWriter} accepts), its
 * telephone-event payload type, the packet time it asks for, and where it receives.
 */
public final class PeerMedia {

    private PeerMedia() {
    }

    /**
     * The settings for an active G.711 audio stream; empty when {@code audio} is disabled or has no
     * G.711. A connection address of 0.0.0.0 (the old way to hold, RFC 2543) gives no remote.
     *
     * @throws UnknownHostException when the connection address is a name that does not resolve
     */
    public static Optional<StreamSettings> settings(SessionDescription sdp, MediaDescription audio, boolean latch)
            throws UnknownHostException {
        OptionalInt pt = audio.firstG711PayloadType();
        if (!audio.isActive() || pt.isEmpty()) {
            return Optional.empty();
        }
        G711 law = audio.rtpMap(pt.getAsInt()).flatMap(m -> G711.forEncoding(m.encoding())).orElseThrow();
        Connection c = sdp.connectionOf(audio);
        InetSocketAddress remote = null;
        if (c != null && !c.address().equals("0.0.0.0")) {
            remote = new InetSocketAddress(InetAddress.getByName(c.address()), audio.port());
        }
        return Optional.of(new StreamSettings(law, pt.getAsInt(), audio.telephoneEventPayloadType().orElse(-1),
                ptime(audio), remote, latch));
    }

    /**
     * Whether to send to a peer whose SDP says {@code direction} about its side: yes when it
     * receives (sendrecv, recvonly), no while it holds the call (sendonly, inactive).
     */
    public static boolean sendsTo(Direction direction) {
        return direction == Direction.SENDRECV || direction == Direction.RECVONLY;
    }

    /** The peer's {@code a=ptime} when the engine can keep it (10 to 60 ms in steps of 10), else 20 ms. */
    private static int ptime(MediaDescription audio) {
        try {
            int ms = Integer.parseInt(audio.attribute("ptime").orElse("").trim());
            return ms >= 10 && ms <= 60 && ms % 10 == 0 ? ms : StreamSettings.DEFAULT_PTIME;
        } catch (NumberFormatException e) {
            return StreamSettings.DEFAULT_PTIME;
        }
    }
}
