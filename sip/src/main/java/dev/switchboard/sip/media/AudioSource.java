package dev.switchboard.sip.media;

/**
 * Linear 16-bit samples at 8 kHz, read one packet's worth at a time. A source is read by one
 * thread (the media engine's pacing thread), so reading must not block: sources that need a
 * file read it when they are opened, not here.
 */
public interface AudioSource {

    int SAMPLE_RATE = 8000;

    /**
     * Fills up to {@code len} samples.
     *
     * @return how many were written: {@code len} while the source lasts, fewer only on the last
     *         read, 0 once it is exhausted
     */
    int read(short[] buffer, int off, int len);
}
