package dev.switchboard.core.sim;

import dev.switchboard.api.CallState;
import dev.switchboard.api.DisconnectReason;
import dev.switchboard.api.media.AudioFile;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.Prompt;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.api.media.Tone;
import dev.switchboard.core.media.AudioFiles;
import dev.switchboard.core.spi.ProviderContext;
import dev.switchboard.core.spi.ProviderEvents;
import dev.switchboard.core.spi.ProviderFeature;
import dev.switchboard.core.spi.ProviderTimer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated switch's media and call control (R25-R33), so that the demo and fast tests run
 * without SIP. Time passes on the provider's timer and the switch's clock, so a test that drives
 * both moves a call through a minute of prompts at once.
 *
 * <ul>
 *   <li>A play ends DONE after the prompts' length: a WAV file's length as
 *       {@code javax.sound.sampled} reads it, a tone's duration. Digits take
 *       {@value #MILLIS_PER_DIGIT} ms each.
 *   <li>The simulated caller is silent unless a test makes it {@link #speak speak}: a recording
 *       is a real WAV (8 kHz, 16-bit) of silence with a 440 Hz tone wherever the caller spoke,
 *       and a maximum silence ends it (SILENCE). A beep first delays its start by the beep.
 *   <li>Destinations are read by their user part, case-insensitively, by how it begins (so
 *       {@code sip:busy-2@example.com} is busy): see {@link Destination}.
 * </ul>
 */
final class SimulatedCallControl {
    static final Set<ProviderFeature> FEATURES = EnumSet.allOf(ProviderFeature.class);
    static final long MILLIS_PER_DIGIT = 200;
    /** How long a destination that answers rings first. */
    static final Duration RING_TIME = Duration.ofSeconds(2);
    /** How long a destination that never answers rings before the switch gives up (NOANSWER). */
    static final Duration NO_ANSWER_TIME = Duration.ofSeconds(30);
    private static final float RATE = AudioFiles.TELEPHONE_RATE;

    /**
     * What a destination does, chosen by how its user part begins; anything not listed answers.
     *
     * @param disconnect for a call made there, how it ends without answering (null: it answers or
     *                   never answers)
     * @param sipStatus  for a redirect or transfer there, the final status when it fails (null: it succeeds)
     */
    enum Destination {
        BUSY("busy", DisconnectReason.BUSY, "486 Busy Here"),
        REJECT("reject", DisconnectReason.REJECT, "603 Decline"),
        UNREACHABLE("unreachable", DisconnectReason.UNREACHABLE, "404 Not Found"),
        NOANSWER("noanswer", null, "408 Request Timeout"),
        FAIL("fail", DisconnectReason.UNKNOWN, "500 Server Internal Error"),
        ANSWER("", null, null);

        final String prefix;
        final DisconnectReason disconnect;
        final String sipStatus;

        Destination(String prefix, DisconnectReason disconnect, String sipStatus) {
            this.prefix = prefix;
            this.disconnect = disconnect;
            this.sipStatus = sipStatus;
        }

        static Destination of(String destination) {
            String user = destination.trim().toLowerCase(java.util.Locale.ROOT);
            for (String scheme : List.of("sip:", "sips:", "tel:")) {
                if (user.startsWith(scheme)) {
                    user = user.substring(scheme.length());
                }
            }
            int at = user.indexOf('@');
            if (at >= 0) {
                user = user.substring(0, at);
            }
            for (Destination d : values()) {
                if (d != ANSWER && user.startsWith(d.prefix)) {
                    return d;
                }
            }
            return ANSWER;
        }
    }

    /** One operation the switch is carrying out. Guarded by itself. */
    private static final class Running {
        final String callId;
        final String opId;
        final RecordRequest recording;
        /** When the recording's audio starts (after the beep), for a recording. */
        final Instant audioFrom;
        /** Where the caller spoke, as offsets from {@link #audioFrom}, for a recording. */
        final List<Duration[]> speech = new ArrayList<>();
        ProviderTimer.Scheduled timer;
        boolean over;

        Running(String callId, String opId, RecordRequest recording, Instant audioFrom) {
            this.callId = callId;
            this.opId = opId;
            this.recording = recording;
            this.audioFrom = audioFrom;
        }
    }

    private final String name;
    private final Set<String> liveCalls;
    private final Clock clock;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Pending progress of calls the switch places, so that a drop or hang-up calls it off. */
    private final Map<String, ProviderTimer.Scheduled> progress = new ConcurrentHashMap<>();
    private final Map<String, String[]> bridges = new ConcurrentHashMap<>();
    private final PlayedPrompts played = new PlayedPrompts();
    private volatile ProviderContext context;

    SimulatedCallControl(String name, Set<String> liveCalls, Clock clock) {
        this.name = name;
        this.liveCalls = liveCalls;
        this.clock = clock;
    }

    void start(ProviderContext ctx) {
        this.context = ctx;
    }

    // ---- media ----

    void play(String callId, String opId, List<Prompt> prompts) {
        requireLive(callId);
        Duration length = Duration.ZERO;
        for (Prompt p : prompts) {
            length = length.plus(lengthOf(p));
        }
        heard(callId, prompts);
        finishAfter(new Running(callId, opId, null, null), length, MediaEndReason.DONE);
    }

    void generateDigits(String callId, String opId, String digits) {
        requireLive(callId);
        finishAfter(new Running(callId, opId, null, null), Duration.ofMillis(MILLIS_PER_DIGIT * digits.length()),
                MediaEndReason.DONE);
    }

    void record(String callId, String opId, RecordRequest request) {
        requireLive(callId);
        Duration beep = request.beep() ? Tone.BEEP.duration() : Duration.ZERO;
        if (request.beep()) {
            heard(callId, List.of(Tone.BEEP));
        }
        Running r = new Running(callId, opId, request, clock.instant().plus(beep));
        running.put(opId, r);
        if (!request.maxSilence().isZero()) {
            silenceTimer(r, beep.plus(request.maxSilence()));
        }
    }

    /** The simulated caller talks for {@code length} into every recording of the call; a maximum silence counts from its end. */
    void speak(String callId, Duration length) {
        for (Running r : running.values()) {
            if (r.recording == null || !r.callId.equals(callId)) {
                continue;
            }
            synchronized (r) {
                if (r.over) {
                    continue;
                }
                Duration from = Duration.between(r.audioFrom, clock.instant());
                if (from.isNegative()) {
                    from = Duration.ZERO;
                }
                r.speech.add(new Duration[] {from, from.plus(length)});
                if (!r.recording.maxSilence().isZero()) {
                    cancel(r);
                    silenceTimer(r, Duration.between(clock.instant(), r.audioFrom.plus(from).plus(length))
                            .plus(r.recording.maxSilence()));
                }
            }
        }
    }

    void stopMedia(String callId, String opId) {
        Running r = running.get(opId);
        if (r != null) {
            end(r, MediaEndReason.CANCELLED);
        }
    }

    /**
     * The call ends (hang-up, drop) or leaves by transfer: its recordings are written and reported
     * first, as the SPI asks, with {@code reason}; plays and pending progress just stop with it.
     */
    void callEnding(String callId, MediaEndReason reason) {
        played.forget(callId);
        ProviderTimer.Scheduled p = progress.remove(callId);
        if (p != null) {
            p.cancel();
        }
        for (Running r : List.copyOf(running.values())) {
            if (!r.callId.equals(callId)) {
                continue;
            }
            if (r.recording != null) {
                end(r, reason);
            } else {
                synchronized (r) {
                    r.over = true;
                    cancel(r);
                }
                running.remove(r.opId, r);
            }
        }
        bridges.values().removeIf(b -> b[0].equals(callId) || b[1].equals(callId));
    }

    // ---- leaving the switch ----

    void redirect(String callId, String opId, String destination) {
        transfer(callId, opId, destination);
    }

    void blindTransfer(String callId, String opId, String destination) {
        transfer(callId, opId, destination);
    }

    private void transfer(String callId, String opId, String destination) {
        requireLive(callId);
        Destination d = Destination.of(destination);
        ProviderContext ctx = started();
        ctx.executor().execute(() -> {
            if (d.sipStatus != null) {
                ctx.events().transferFinished(callId, opId, false, d.sipStatus);
            } else if (liveCalls.remove(callId)) {
                callEnding(callId, MediaEndReason.CANCELLED);
                ctx.events().transferFinished(callId, opId, true, "");
            }
        });
    }

    // ---- calls the switch places ----

    void makeCall(String callId, String destination) {
        Destination d = Destination.of(destination);
        ProviderContext ctx = started();
        liveCalls.add(callId);
        ctx.executor().execute(() -> {
            ProviderEvents ev = ctx.events();
            if (!liveCalls.contains(callId)) {
                return;
            }
            ev.callStateChanged(callId, CallState.PROCEEDING);
            if (d.disconnect != null) {
                if (liveCalls.remove(callId)) {
                    ev.callDisconnected(callId, d.disconnect);
                }
                return;
            }
            ev.callStateChanged(callId, CallState.RINGBACK);
            boolean answers = d == Destination.ANSWER;
            progress.put(callId, ctx.timer().schedule(answers ? RING_TIME : NO_ANSWER_TIME, () -> {
                progress.remove(callId);
                if (!liveCalls.contains(callId)) {
                    return;
                }
                if (answers) {
                    ev.callStateChanged(callId, CallState.CONNECTED);
                } else if (liveCalls.remove(callId)) {
                    ev.callDisconnected(callId, DisconnectReason.NOANSWER);
                }
            }));
        });
    }

    // ---- bridges ----

    void bridge(String bridgeId, String a, String b) {
        requireLive(a);
        requireLive(b);
        bridges.put(bridgeId, new String[] {a, b});
    }

    void unbridge(String bridgeId) {
        bridges.remove(bridgeId);
    }

    /** The call that {@code callId} is bridged to; empty when it is in no bridge. */
    Optional<String> bridgedTo(String callId) {
        for (String[] b : bridges.values()) {
            if (b[0].equals(callId) || b[1].equals(callId)) {
                return Optional.of(b[0].equals(callId) ? b[1] : b[0]);
            }
        }
        return Optional.empty();
    }

    /** What the switch started playing to {@code callId} (see {@link PlayedPrompts}); empty once the call ended. */
    List<String> played(String callId) {
        return played.of(callId);
    }

    /** The calls of the bridges the switch holds now, for tests. */
    Set<String> bridgeIds() {
        return Set.copyOf(bridges.keySet());
    }

    // ---- helpers ----

    /** Notes what the caller hears; a call that ended meanwhile keeps no note. */
    private void heard(String callId, List<? extends Prompt> prompts) {
        played.started(callId, prompts);
        if (!liveCalls.contains(callId)) {
            played.forget(callId);
        }
    }

    private void finishAfter(Running r, Duration length, MediaEndReason reason) {
        running.put(r.opId, r);
        synchronized (r) {
            r.timer = started().timer().schedule(length, () -> end(r, reason));
        }
    }

    private void silenceTimer(Running r, Duration after) {
        r.timer = started().timer().schedule(after, () -> end(r, MediaEndReason.SILENCE));
    }

    /** Ends {@code r} once: writes a recording, then reports it. */
    private void end(Running r, MediaEndReason reason) {
        Duration length;
        synchronized (r) {
            if (r.over) {
                return;
            }
            r.over = true;
            cancel(r);
        }
        running.remove(r.opId, r);
        MediaEndReason why = reason;
        length = Duration.ZERO;
        if (r.recording != null) {
            length = Duration.between(r.audioFrom, clock.instant());
            if (length.isNegative()) {
                length = Duration.ZERO;
            }
            if (length.compareTo(r.recording.maxDuration()) > 0) {
                length = r.recording.maxDuration();
            }
            try {
                write(r, length);
            } catch (UncheckedIOException e) {
                why = MediaEndReason.FAILED;
                length = Duration.ZERO;
            }
        }
        ProviderContext ctx = context;
        if (ctx != null) {
            ctx.events().mediaFinished(r.callId, r.opId, why, length);
        }
    }

    /** Silence, with the simulated caller's "voice", a 440 Hz tone, wherever it spoke. */
    private void write(Running r, Duration length) {
        short[] samples = new short[samplesIn(length)];
        for (Duration[] s : r.speech) {
            int to = Math.min(samples.length, samplesIn(s[1]));
            for (int i = samplesIn(s[0]); i < to; i++) {
                samples[i] = (short) Math.round(0.3 * Short.MAX_VALUE * Math.sin(2 * Math.PI * 440 * i / RATE));
            }
        }
        try {
            AudioFiles.writeWav(r.recording.path(), samples, RATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int samplesIn(Duration d) {
        return (int) (d.toMillis() * (long) RATE / 1000);
    }

    private static void cancel(Running r) {
        if (r.timer != null) {
            r.timer.cancel();
            r.timer = null;
        }
    }

    private static Duration lengthOf(Prompt p) {
        if (p instanceof Tone t) {
            return t.duration();
        }
        return AudioFiles.check(((AudioFile) p).toPath()).length();
    }

    private void requireLive(String callId) {
        if (!liveCalls.contains(callId)) {
            throw new IllegalStateException("simulated switch '" + name + "' has no live call " + callId);
        }
    }

    private ProviderContext started() {
        ProviderContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("simulated switch '" + name + "' is not started");
        }
        return ctx;
    }
}
