package dev.switchboard.sip.rtp;

import java.util.Arrays;

/**
 * The packet a stream sends on one tick, filled in by an {@link Output}. A stream has one and
 * reuses it on every tick, so pacing allocates nothing.
 */
final class Frame {
    /** 60 ms of G.711, the longest ptime. */
    static final int MAX_PAYLOAD = 480;

    final byte[] payload = new byte[MAX_PAYLOAD];
    StreamSettings settings;
    int length;
    int payloadType;
    boolean marker;
    /** The stream's media clock for this packet; an output may set an older one (RFC 4733 events). */
    long timestamp;

    /** Prepares the next packet: one packet time of audio at {@code clock}, nothing written yet. */
    void reset(StreamSettings current, long clock) {
        settings = current;
        length = 0;
        payloadType = current.audioPayloadType();
        marker = false;
        timestamp = clock;
    }

    int samples() {
        return settings.samplesPerPacket();
    }

    /** One packet time of the law's silence code. */
    void silence() {
        Arrays.fill(payload, 0, samples(), settings.law().silence());
        length = samples();
        payloadType = settings.audioPayloadType();
    }
}
