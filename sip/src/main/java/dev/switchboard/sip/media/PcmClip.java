package dev.switchboard.sip.media;

/** Samples already in memory, read from the start; the array is shared, never written. */
final class PcmClip implements AudioSource {

    private final short[] samples;
    private int position;

    PcmClip(short[] samples) {
        this.samples = samples;
    }

    @Override
    public int read(short[] buffer, int off, int len) {
        int n = Math.min(len, samples.length - position);
        System.arraycopy(samples, position, buffer, off, n);
        position += n;
        return n;
    }
}
