package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.RtpPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Writes one stream's RTP headers and sends its packets: one SSRC, and a sequence number and media
 * clock that start at random values (RFC 3550 section 5.1) and run on for the life of the stream.
 * Two threads send here, the pacing thread and, while the stream is bridged, the I/O thread of the
 * other leg; the lock keeps sequence numbers in order between them.
 *
 * <p>Relayed packets keep the time structure of the leg they come from: their timestamps are moved
 * by one offset, fixed on the first relayed packet (with the marker bit, since the receiver sees a
 * jump) and fixed again whenever the other leg's SSRC changes or paced packets came in between.
 */
final class RtpSender {

    private static final Random RANDOM = new SecureRandom();

    private final String name;
    private final DatagramSink sink;
    private final ByteBuffer buffer = ByteBuffer.allocate(RtpPacket.HEADER_LENGTH + Frame.MAX_PAYLOAD);
    private final long ssrc = RANDOM.nextInt() & 0xFFFFFFFFL;
    private int sequence = RANDOM.nextInt(0x10000);
    private long clock = RANDOM.nextInt() & 0xFFFFFFFFL;
    private boolean markNext = true;
    private boolean failed;
    private InetSocketAddress remote;
    private boolean sending = true;
    private boolean relayAnchored;
    private long relaySsrc;
    private long relayOffset;

    RtpSender(String name, DatagramSink sink) {
        this.name = name;
        this.sink = sink;
    }

    long ssrc() {
        return ssrc;
    }

    synchronized long clock() {
        return clock;
    }

    synchronized void remote(InetSocketAddress address) {
        remote = address;
    }

    synchronized InetSocketAddress remote() {
        return remote;
    }

    /** Off while the peer holds the call (sendonly, inactive): the clock runs on, nothing goes out. */
    synchronized void sending(boolean on) {
        markNext |= on && !sending; // the receiver sees a jump in timestamps: a new talkspurt
        sending = on;
    }

    /** Sends a paced packet, then moves the media clock on by one packet time. */
    synchronized void send(Frame f) {
        if (f.length > 0) {
            transmit(f.marker, f.payloadType, f.timestamp, f.payload, 0, f.length, null);
            relayAnchored = false;
        }
        clock += f.samples();
    }

    /** The paced clock moves on without a packet (a bridged leg whose relay filled this packet time). */
    synchronized void skip(int samples) {
        clock += samples;
    }

    /** Sends a packet of the other leg of a bridge, its payload mapped through {@code table} if given. */
    synchronized void relay(RtpPacket in, int payloadType, byte[] table) {
        boolean marker = in.marker();
        if (!relayAnchored || in.ssrc() != relaySsrc) {
            relayAnchored = true;
            relaySsrc = in.ssrc();
            relayOffset = clock - in.timestamp();
            marker = true;
        }
        int length = Math.min(in.payloadLength(), Frame.MAX_PAYLOAD);
        transmit(marker, payloadType, in.timestamp() + relayOffset, in.buffer(), in.payloadOffset(), length, table);
    }

    private void transmit(boolean marker, int payloadType, long timestamp, byte[] payload, int off, int len,
                          byte[] table) {
        if (remote == null || !sending) {
            return;
        }
        boolean m = marker || markNext;
        markNext = false;
        buffer.clear();
        buffer.put((byte) 0x80).put((byte) ((m ? 0x80 : 0) | payloadType)).putShort((short) sequence)
                .putInt((int) timestamp).putInt((int) ssrc);
        if (table == null) {
            buffer.put(payload, off, len);
        } else {
            for (int i = 0; i < len; i++) {
                buffer.put(table[payload[off + i] & 0xFF]);
            }
        }
        buffer.flip();
        sequence = (sequence + 1) & 0xFFFF;
        try {
            sink.send(buffer, remote);
        } catch (IOException | RuntimeException e) { // also an address the channel cannot reach (IPv6 on IPv4)
            MediaLog.sendFailed(name, remote, e, !failed);
            failed = true;
        }
    }
}
