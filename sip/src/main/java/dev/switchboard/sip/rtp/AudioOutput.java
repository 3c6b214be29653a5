package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.AudioSource;

/**
 * Plays an {@link AudioSource}: reads one packet time of samples per tick and encodes them in
 * the stream's law. The first packet carries the marker bit (the start of a talkspurt); a last,
 * short read is padded with silence.
 */
final class AudioOutput implements Output {

    private final AudioSource source;
    private final short[] pcm = new short[Frame.MAX_PAYLOAD];
    private boolean started;

    AudioOutput(AudioSource source) {
        this.source = source;
    }

    @Override
    public boolean next(Frame frame) {
        int samples = frame.samples();
        int n = source.read(pcm, 0, samples);
        if (n == 0) {
            return false;
        }
        java.util.Arrays.fill(pcm, n, samples, (short) 0);
        frame.settings.law().encode(pcm, 0, frame.payload, 0, samples);
        frame.length = samples;
        frame.marker = !started;
        started = true;
        return true;
    }
}
