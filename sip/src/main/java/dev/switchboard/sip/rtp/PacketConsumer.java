package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.RtpPacket;

/**
 * Receives every RTP packet of one stream, on the engine's I/O thread that serves the stream
 * (always the same one, so packets arrive in the order read). It must not block, and must not keep
 * the packet: its buffer is reused for the next datagram.
 */
@FunctionalInterface
public interface PacketConsumer {

    PacketConsumer NONE = (packet, settings) -> { };

    /** @param settings the stream's settings when the packet arrived (payload types, law) */
    void onPacket(RtpPacket packet, StreamSettings settings);
}
