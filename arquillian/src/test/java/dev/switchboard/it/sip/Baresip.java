package dev.switchboard.it.sip;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's baresip as a real softphone: it dials the adapter, sends silence from a WAV file as
 * its microphone (module {@code aufile}) and writes what it hears to a WAV file (module
 * {@code sndfile}, the {@code *-dec.wav} dump), which the test then analyses. Scripted with a
 * config directory of its own, {@code -e /dial ...} and {@code -t} seconds to quit.
 */
final class Baresip {
    private Baresip() {
    }

    /** What the phone heard, as 8 kHz 16-bit mono samples, and its console output for messages. */
    record Heard(short[] samples, String output) {
        /** Seconds of audio heard. */
        double seconds() {
            return samples.length / 8000.0;
        }
    }

    /** Skips the test without baresip, or fails it when switchboard.requireSoftphone=true (CI). */
    static void assumeInstalled() {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "baresip")));
        if (!found && Boolean.getBoolean("switchboard.requireSoftphone")) {
            fail("baresip is not on the PATH but switchboard.requireSoftphone=true: install Debian's baresip-core");
        }
        Assumptions.assumeTrue(found, "baresip is not on the PATH: install Debian's baresip-core to run this test");
    }

    /**
     * Dials {@code uri}, stays in the call up to {@code seconds} (the far end may hang up first),
     * and returns what it heard.
     */
    static Heard call(String uri, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("baresip-");
        Path cfg = Files.createDirectories(dir.resolve("config"));
        Path rec = Files.createDirectories(dir.resolve("heard"));
        Path silence = dir.resolve("silence.wav");
        writeSilence(silence, seconds + 5); // aufile hangs up at the end of its file: make it outlast the call
        int sipPort;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            sipPort = probe.getLocalPort();
        }
        Files.writeString(cfg.resolve("config"), String.join("\n",
                "poll_method poll",
                "sip_listen 127.0.0.1:" + sipPort,
                "sip_transports udp",
                "audio_player aufile,",
                "audio_source aufile," + silence,
                "audio_alert aufile," + silence,
                "audio_srate 8000",
                "audio_channels 1",
                "module_path /usr/lib/baresip/modules",
                "module stdio.so",
                "module g711.so",
                "module aufile.so",
                "module sndfile.so",
                "module_app account.so",
                "module_app menu.so",
                "snd_path " + rec,
                "rtp_timeout 0",
                ""));
        Files.writeString(cfg.resolve("accounts"), "<sip:softphone@127.0.0.1>;regint=0\n");
        Path out = dir.resolve("output.txt");
        Process p = new ProcessBuilder("baresip", "-f", cfg.toString(), "-e", "/dial " + uri, "-t",
                String.valueOf(seconds)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("baresip did not quit within " + (seconds + 30) + " s; its output: " + Files.readString(out));
        }
        String output = Files.readString(out);
        Optional<Path> dump;
        try (Stream<Path> files = Files.list(rec)) {
            dump = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).findFirst();
        }
        if (dump.isEmpty()) {
            fail("baresip wrote no recording of what it heard in " + rec + "; its output:\n" + output);
        }
        return new Heard(read(dump.get()), output);
    }

    private static void writeSilence(Path file, int seconds) throws IOException {
        AudioFormat pcm = new AudioFormat(8000, 16, 1, true, false);
        byte[] zeros = new byte[8000 * 2 * seconds];
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(zeros), pcm, 8000L * seconds)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    private static short[] read(Path wav) throws IOException, UnsupportedAudioFileException {
        AudioFormat pcm = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream raw = AudioSystem.getAudioInputStream(wav.toFile());
             AudioInputStream in = AudioSystem.getAudioInputStream(pcm, raw)) {
            byte[] bytes = in.readAllBytes();
            short[] samples = new short[bytes.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
            }
            return samples;
        }
    }

    /**
     * The share of the signal's power at {@code hz} over a window (Goertzel), 0..1: near 1 for a
     * pure tone of that frequency, near 0 for silence or other frequencies.
     */
    static double toneShare(short[] samples, int from, int length, double hz) {
        double coeff = 2 * Math.cos(2 * Math.PI * hz / 8000.0);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = from; i < from + length; i++) {
            double x = samples[i];
            energy += x * x;
            double s0 = x + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return energy == 0 ? 0 : 2 * power / (length * energy);
    }

    /** The windows of 20 ms (160 samples) in which the tone at {@code hz} dominates. */
    static List<Integer> toneWindows(short[] samples, double hz) {
        java.util.ArrayList<Integer> hits = new java.util.ArrayList<>();
        for (int i = 0; i + 160 <= samples.length; i += 160) {
            if (toneShare(samples, i, 160, hz) > 0.8) {
                hits.add(i / 160);
            }
        }
        return hits;
    }
}
