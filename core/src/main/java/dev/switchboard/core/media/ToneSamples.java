package dev.switchboard.core.media;

import dev.switchboard.api.media.Tone;
import java.time.Duration;

/**
 * A tone as samples: its frequencies summed, switched on and off by its cadence. For providers
 * that send tones as audio, and for the simulated switch's recordings.
 */
public final class ToneSamples {
    private ToneSamples() {
    }

    /**
     * The whole tone as 16-bit linear samples at {@code sampleRate}; {@code level} is the peak of
     * all frequencies together, as a fraction of full scale (0 to 1; about 0.3 is a usual level).
     */
    public static short[] render(Tone tone, float sampleRate, double level) {
        if (level < 0 || level > 1) {
            throw new IllegalArgumentException("tone level " + level + " is not between 0 and 1");
        }
        int total = samples(tone.duration(), sampleRate);
        int on = samples(tone.on(), sampleRate);
        int cycle = on + samples(tone.off(), sampleRate);
        double perFrequency = level * Short.MAX_VALUE / tone.frequencies().size();
        short[] out = new short[total];
        for (int i = 0; i < total; i++) {
            if (i % cycle >= on) {
                continue; // the cadence's silence
            }
            double v = 0;
            for (int f : tone.frequencies()) {
                v += Math.sin(2 * Math.PI * f * i / sampleRate);
            }
            out[i] = (short) Math.round(v * perFrequency);
        }
        return out;
    }

    static int samples(Duration d, float sampleRate) {
        return (int) Math.round(d.toNanos() * (double) sampleRate / 1e9);
    }
}
