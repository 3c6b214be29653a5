package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.SettingsReader;
import dev.switchboard.sip.rtp.EngineConfig;

/**
 * How the provider's RTP media engine is sized, part of {@link SipSettings}: one engine serves
 * every call on a fixed set of threads ({@code threads} I/O loops and one pacing loop, all lent by
 * the adapter's long-running WorkManager work), whatever the number of calls. It owns the defaults
 * of its properties; a test in the rar module ties them to the adapter's displayed ones.
 *
 * @param threads          how many threads read RTP for all calls together; one keeps up with
 *                         hundreds of calls
 * @param threadNamePrefix what those threads are called while they serve the engine
 *                         ({@code prefix-io-0}, ..., {@code prefix-pacer}), so a thread dump shows them
 */
public record MediaSettings(int threads, String threadNamePrefix) {

    public static final String THREADS = "sipMediaThreads";
    public static final String THREAD_NAME_PREFIX = "sipMediaThreadNamePrefix";

    public static final String DEFAULT_THREADS = "1";
    public static final String DEFAULT_THREAD_NAME_PREFIX = "switchboard-rtp";

    /** The engine's pacing period: every ptime of 10 to 60 ms is a multiple of it. */
    static final int TICK_MILLIS = 10;

    public MediaSettings {
        if (threadNamePrefix == null || !threadNamePrefix.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new IllegalArgumentException(THREAD_NAME_PREFIX + " '" + threadNamePrefix + "' must be 1 to 40"
                    + " letters, digits, '.', '_' or '-'");
        }
    }

    /** Reads the two properties; unset ones take the defaults above. */
    static MediaSettings from(SettingsReader read) {
        return new MediaSettings(read.wholeNumber(THREADS, DEFAULT_THREADS, 1, 64),
                read.text(THREAD_NAME_PREFIX, DEFAULT_THREAD_NAME_PREFIX));
    }

    EngineConfig engineConfig() {
        return new EngineConfig(threads, threadNamePrefix, TICK_MILLIS);
    }

    /** The name of the pacing loop's thread while it serves. */
    String pacerThreadName() {
        return threadNamePrefix + "-pacer";
    }
}
