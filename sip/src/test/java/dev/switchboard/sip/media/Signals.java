package dev.switchboard.sip.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test signals at 8 kHz, and a helper that feeds them to a detector in RTP-sized frames. */
final class Signals {

    static final int RATE = 8000;
    static final int FRAME = 160;
    private static final double[] DTMF_LOW = {697, 770, 852, 941};
    private static final double[] DTMF_HIGH = {1209, 1336, 1477, 1633};
    private static final String DTMF_KEYS = "123A456B789C*0#D";

    /** When a detector reported a tone: the tone, and the time at the end of the frame. */
    record Detection(FaxTone tone, int atMillis) {
    }

    private Signals() {
    }

    static short[] sine(double hz, double amplitude, int millis) {
        return sine(hz, amplitude, millis, 0);
    }

    static short[] sine(double hz, double amplitude, int millis, double phase) {
        short[] s = new short[millis * RATE / 1000];
        for (int n = 0; n < s.length; n++) {
            s[n] = clip(amplitude * Math.sin(2 * Math.PI * hz * n / RATE + phase));
        }
        return s;
    }

    static short[] silence(int millis) {
        return new short[millis * RATE / 1000];
    }

    static short[] whiteNoise(double amplitude, int millis, long seed) {
        Random random = new Random(seed);
        short[] s = new short[millis * RATE / 1000];
        for (int n = 0; n < s.length; n++) {
            s[n] = clip(amplitude * (2 * random.nextDouble() - 1));
        }
        return s;
    }

    /** The two tones of a DTMF key (ITU-T Q.23), each at {@code amplitude}. */
    static short[] dtmf(char key, double amplitude, int millis) {
        int i = DTMF_KEYS.indexOf(key);
        return mix(sine(DTMF_LOW[i / 4], amplitude, millis), sine(DTMF_HIGH[i % 4], amplitude, millis));
    }

    /** A voiced-speech-like sound: harmonics of {@code f0} falling off as 1/k, up to 3.4 kHz. */
    static short[] harmonics(double f0, double amplitude, int millis) {
        short[] s = new short[millis * RATE / 1000];
        for (int n = 0; n < s.length; n++) {
            double v = 0;
            for (int k = 1; k * f0 < 3400; k++) {
                v += Math.sin(2 * Math.PI * k * f0 * n / RATE) / k;
            }
            s[n] = clip(amplitude * v);
        }
        return s;
    }

    static short[] mix(short[] a, short[] b) {
        short[] s = new short[Math.max(a.length, b.length)];
        for (int n = 0; n < s.length; n++) {
            s[n] = clip((n < a.length ? a[n] : 0) + (n < b.length ? b[n] : 0));
        }
        return s;
    }

    static short[] concat(short[]... parts) {
        int length = 0;
        for (short[] p : parts) {
            length += p.length;
        }
        short[] s = new short[length];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, s, at, p.length);
            at += p.length;
        }
        return s;
    }

    /** Feeds {@code samples} frame by frame (a last partial frame is dropped) and collects the reports. */
    static List<Detection> detect(FaxToneDetector detector, short[] samples, int frame) {
        List<Detection> found = new ArrayList<>();
        for (int at = 0; at + frame <= samples.length; at += frame) {
            FaxTone tone = detector.process(samples, at, frame);
            if (tone != null) {
                found.add(new Detection(tone, (at + frame) * 1000 / RATE));
            }
        }
        return found;
    }

    static List<Detection> detect(short[] samples) {
        return detect(new FaxToneDetector(), samples, FRAME);
    }

    private static short clip(double v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
}
