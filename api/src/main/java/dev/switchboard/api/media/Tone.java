package dev.switchboard.api.media;

import java.time.Duration;
import java.util.List;

/**
 * A tone: one to four frequencies sounded together, switched on and off by a cadence, for a total
 * duration (TAPI's lineGenerateTone with its LINEGENERATETONE entries, one cadence for all
 * frequencies). The predefined tones use the North American values; a line in another country
 * uses {@link #custom} for its own.
 *
 * @param mode        which tone this is; CUSTOM for one made with {@link #custom}
 * @param frequencies in hertz, each from 1 to 3999 (below half the 8 kHz telephone sampling rate)
 * @param on          how long the tone sounds in each cycle
 * @param off         the silence after it in each cycle; zero for a steady tone
 * @param duration    how long the whole tone lasts (it may end inside a cycle)
 */
public record Tone(ToneMode mode, List<Integer> frequencies, Duration on, Duration off, Duration duration)
        implements Prompt {

    /** 1000 Hz for a quarter of a second. */
    public static final Tone BEEP = new Tone(ToneMode.BEEP, List.of(1000), Duration.ofMillis(250), Duration.ZERO,
            Duration.ofMillis(250));
    /** 480 + 620 Hz, half a second on and off, for four seconds. */
    public static final Tone BUSY = new Tone(ToneMode.BUSY, List.of(480, 620), Duration.ofMillis(500),
            Duration.ofMillis(500), Duration.ofSeconds(4));
    /** 440 + 480 Hz, two seconds on and four off, for one cycle. */
    public static final Tone RINGBACK = new Tone(ToneMode.RINGBACK, List.of(440, 480), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(6));

    public Tone {
        if (mode == null) {
            throw new IllegalArgumentException("a tone needs a mode (BEEP, BUSY, RINGBACK or CUSTOM)");
        }
        if (frequencies == null || frequencies.isEmpty() || frequencies.size() > 4) {
            throw new IllegalArgumentException("a tone has one to four frequencies, not " + frequencies);
        }
        frequencies = List.copyOf(frequencies);
        for (int f : frequencies) {
            if (f < 1 || f > 3999) {
                throw new IllegalArgumentException("tone frequency " + f + " Hz is outside 1 to 3999 Hz");
            }
        }
        Durations.positive("a tone's on time", on);
        Durations.zeroOrPositive("a tone's off time", off);
        Durations.positive("a tone's duration", duration);
    }

    /** A tone of the application's own: {@code frequencies} sounded together, {@code on}, then {@code off}, repeated. */
    public static Tone custom(Duration duration, Duration on, Duration off, int... frequencies) {
        if (frequencies == null) {
            throw new IllegalArgumentException("a tone needs at least one frequency");
        }
        return new Tone(ToneMode.CUSTOM, java.util.Arrays.stream(frequencies).boxed().toList(), on, off, duration);
    }

    /** The same tone lasting {@code newDuration}, for example a busy signal for ten seconds. */
    public Tone withDuration(Duration newDuration) {
        return new Tone(mode, frequencies, on, off, newDuration);
    }
}
