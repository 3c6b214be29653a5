package dev.switchboard.sip.rtp;

import dev.switchboard.sip.media.Dbm0;
import dev.switchboard.sip.media.RtpPacket;
import dev.switchboard.sip.media.WavWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * One recording: the audio packets the caller sends, decoded to linear samples and kept in memory
 * (16 KB a second), then written as a WAV file on the stream's executor, never on an engine thread.
 * Time is counted in the stream's packet times, so limits hold even when the caller sends nothing.
 *
 * <p>Packets arrive on the I/O thread, ticks on the pacing thread, a stop on any thread: the
 * methods are synchronized, and the first ending wins.
 */
final class Recording {

    private final String stream;
    private final RecordSettings settings;
    private final RecordingResult.Callback callback;
    private final Executor callbacks;
    private final double silenceMeanSquare;
    private final int maxSamples;
    private short[] samples = new short[8000];
    private int count;
    private int quietTail;
    private boolean capturing;
    private boolean ended;
    private boolean heardSound;
    private int elapsedMillis;
    private int silentMillis;

    Recording(String stream, RecordSettings settings, RecordingResult.Callback callback, Executor callbacks) {
        this.stream = stream;
        this.settings = settings;
        this.callback = callback;
        this.callbacks = callbacks;
        this.silenceMeanSquare = Dbm0.meanSquare(settings.silenceDbm0());
        this.maxSamples = settings.maxDurationMillis() == 0 ? Integer.MAX_VALUE / 2 : settings.maxDurationMillis() * 8;
    }

    /** Starts keeping audio: at once, or after the beep. */
    synchronized void capture() {
        capturing = !ended;
    }

    synchronized void onPacket(RtpPacket p, StreamSettings s) {
        if (!capturing || p.payloadType() != s.audioPayloadType()) {
            return;
        }
        int n = Math.min(p.payloadLength(), maxSamples - count);
        if (count + n > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(count + n, Math.min(2 * samples.length, maxSamples)));
        }
        s.law().decode(p.buffer(), p.payloadOffset(), samples, count, n);
        double energy = 0;
        for (int i = count; i < count + n; i++) {
            energy += (double) samples[i] * samples[i];
        }
        count += n;
        boolean loud = n > 0 && energy / n >= silenceMeanSquare;
        heardSound |= loud;
        quietTail = loud ? 0 : quietTail + n;
    }

    /** One packet time has passed; ends the recording when a limit is reached. */
    synchronized void onTick(int ptimeMillis) {
        if (!capturing) {
            return;
        }
        elapsedMillis += ptimeMillis;
        silentMillis = heardSound ? 0 : silentMillis + ptimeMillis;
        heardSound = false;
        if (settings.maxDurationMillis() > 0 && elapsedMillis >= settings.maxDurationMillis()) {
            end(Ending.MAX_DURATION);
        } else if (settings.maxSilenceMillis() > 0 && silentMillis >= settings.maxSilenceMillis()) {
            count -= quietTail;
            end(Ending.MAX_SILENCE);
        }
    }

    /** Ends it with {@code ending} unless it has ended; the file is written and the callback told after. */
    synchronized boolean end(Ending ending) {
        if (ended) {
            return false;
        }
        ended = true;
        capturing = false;
        short[] kept = samples;
        int length = count;
        samples = null;
        callbacks.execute(() -> callback.ended(write(ending, kept, length)));
        return true;
    }

    private RecordingResult write(Ending ending, short[] kept, int length) {
        try {
            WavWriter.write(settings.file(), kept, length);
            return new RecordingResult(ending, settings.file(), length / 8, null);
        } catch (IOException | RuntimeException e) {
            MediaLog.recordingFailed(stream, settings.file(), e);
            return new RecordingResult(Ending.FAILED, settings.file(), 0, e.toString());
        }
    }
}
