package dev.switchboard.sip.media;

import java.util.List;

/** Sources one after another; a frame that straddles two of them is filled from both, so there is no gap. */
public final class SequenceSource implements AudioSource {

    private final List<AudioSource> sources;
    private int current;

    public SequenceSource(List<AudioSource> sources) {
        this.sources = sources;
    }

    @Override
    public int read(short[] buffer, int off, int len) {
        int filled = 0;
        while (filled < len && current < sources.size()) {
            int n = sources.get(current).read(buffer, off + filled, len - filled);
            filled += n;
            if (filled < len) {
                current++;
            }
        }
        return filled;
    }
}
