package dev.switchboard.sip.media;

import java.util.ArrayList;
import java.util.List;

/**
 * A tone: up to four frequencies summed, each at {@code levelDbm0}, switched on and off by a
 * cadence, for a total duration. The named tones are TAPI's (BEEP, BUSY, RINGBACK) with the
 * frequencies and levels of the North American precise tone plan that SIP phones play.
 *
 * @param frequenciesHz  the components, each above 0 and below 4000 Hz; none is silence
 * @param cadenceMillis  on and off times in pairs, repeated; empty for a steady tone
 * @param durationMillis the whole length; 0 to play until stopped
 */
public record Tone(List<Double> frequenciesHz, double levelDbm0, List<Integer> cadenceMillis, int durationMillis)
        implements Prompt {

    /** A short 1000 Hz beep, as before a recording. */
    public static final Tone BEEP = new Tone(List.of(1000.0), -10, List.of(), 200);
    /** Busy: 480 + 620 Hz, 0.5 s on, 0.5 s off, until stopped. */
    public static final Tone BUSY = new Tone(List.of(480.0, 620.0), -24, List.of(500, 500), 0);
    /** Ringback: 440 + 480 Hz, 2 s on, 4 s off, until stopped. */
    public static final Tone RINGBACK = new Tone(List.of(440.0, 480.0), -19, List.of(2000, 4000), 0);

    private static final double[] DTMF_LOW = {697, 770, 852, 941};
    private static final double[] DTMF_HIGH = {1209, 1336, 1477, 1633};
    private static final String DTMF_KEYS = "123A456B789C*0#D";

    public Tone {
        frequenciesHz = List.copyOf(frequenciesHz);
        cadenceMillis = List.copyOf(cadenceMillis);
        if (frequenciesHz.size() > 4) {
            throw new IllegalArgumentException("a tone has at most 4 frequencies, had " + frequenciesHz);
        }
        for (double hz : frequenciesHz) {
            if (!(hz > 0 && hz < AudioSource.SAMPLE_RATE / 2.0)) {
                throw new IllegalArgumentException("tone frequency " + hz + " Hz is not between 0 and 4000 Hz");
            }
        }
        if (!(levelDbm0 <= 3)) {
            throw new IllegalArgumentException("tone level " + levelDbm0 + " dBm0 is above +3 dBm0 (it would clip)");
        }
        if (cadenceMillis.size() % 2 != 0 || cadenceMillis.stream().anyMatch(ms -> ms <= 0)) {
            throw new IllegalArgumentException("a cadence is pairs of positive on/off times, was " + cadenceMillis);
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("tone duration must not be negative, was " + durationMillis);
        }
    }

    /** A steady tone of the given frequencies at -10 dBm0 each. */
    public static Tone of(int durationMillis, double... frequenciesHz) {
        List<Double> hz = new ArrayList<>();
        for (double f : frequenciesHz) {
            hz.add(f);
        }
        return new Tone(hz, -10, List.of(), durationMillis);
    }

    /** Silence of a given length, for gaps in a sequence. */
    public static Tone silence(int durationMillis) {
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("silence needs a positive duration, was " + durationMillis);
        }
        return new Tone(List.of(), 0, List.of(), durationMillis);
    }

    /** The two frequencies of a DTMF key (ITU-T Q.23), sent in-band when the peer has no RFC 4733. */
    public static Tone dtmf(char key, int durationMillis) {
        int i = DTMF_KEYS.indexOf(Character.toUpperCase(key));
        if (i < 0) {
            throw new IllegalArgumentException("'" + key + "' is not a DTMF key (0-9 * # A-D)");
        }
        return new Tone(List.of(DTMF_LOW[i / 4], DTMF_HIGH[i % 4]), -7, List.of(), durationMillis);
    }

    /** The same tone with another cadence (on, off, on, off, ... in milliseconds). */
    public Tone withCadence(int... onOffMillis) {
        List<Integer> cadence = new ArrayList<>();
        for (int ms : onOffMillis) {
            cadence.add(ms);
        }
        return new Tone(frequenciesHz, levelDbm0, cadence, durationMillis);
    }

    /** The same tone for another duration (0: until stopped). */
    public Tone forMillis(int millis) {
        return new Tone(frequenciesHz, levelDbm0, cadenceMillis, millis);
    }

    /** The same tone at another level. */
    public Tone atLevel(double dbm0) {
        return new Tone(frequenciesHz, dbm0, cadenceMillis, durationMillis);
    }

    @Override
    public AudioSource open() {
        return new ToneSource(this);
    }
}
