package dev.switchboard.sip.rtp;

import java.util.Objects;

/**
 * The media engine's sizing.
 *
 * @param ioThreads        how many threads read RTP for all calls together (each serves its own
 *                         selector); one keeps up with hundreds of calls
 * @param threadNamePrefix what the I/O threads are called while they serve the engine
 *                         ({@code prefix-io-0}, ...), so a thread dump shows them
 * @param tickMillis       the pacing period; every stream's ptime must be a multiple of it. 10 ms
 *                         serves ptimes of 10, 20 and 30 ms from one timer
 */
public record EngineConfig(int ioThreads, String threadNamePrefix, int tickMillis) {

    public EngineConfig {
        if (ioThreads < 1 || ioThreads > 64) {
            throw new IllegalArgumentException("ioThreads must be 1 to 64, was " + ioThreads);
        }
        Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        if (threadNamePrefix.isBlank()) {
            throw new IllegalArgumentException("threadNamePrefix must not be blank");
        }
        if (tickMillis < 1 || 10 % tickMillis != 0) {
            throw new IllegalArgumentException("tickMillis must divide 10 ms (1, 2, 5 or 10), was " + tickMillis);
        }
    }

    /** One I/O thread named {@code switchboard-rtp-io-0}, a 10 ms tick. */
    public static EngineConfig defaults() {
        return new EngineConfig(1, "switchboard-rtp", 10);
    }
}
