package dev.switchboard.core;

import dev.switchboard.api.media.GatherRequest;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.MediaOperation;
import dev.switchboard.api.media.RecordRequest;
import dev.switchboard.core.spi.ProviderTimer;
import java.time.Instant;

/**
 * One media operation running on a call (R27, R28): who started it, through which handle, and
 * what the core keeps for it while it runs. A decision puts operations into the call's slots or
 * takes them out; their own fields change only on the live call (a gather's digits by the
 * provider's reports, the timer by live effects), under the call's lock.
 */
abstract class MediaOp {
    final String id;
    final MediaOperation kind;
    /** The starting application's handle; its completion goes there even if it was deallocated since. */
    final Handle starter;
    final Instant startedAt;
    /** The pending timeout (a gather's first- or inter-digit, a recording's maximum duration); live only. */
    ProviderTimer.Scheduled timer;
    /** Which timeout is current: a timeout whose token is no longer this one does nothing. */
    Object timerToken;

    MediaOp(String id, MediaOperation kind, Handle starter, Instant startedAt) {
        this.id = id;
        this.kind = kind;
        this.starter = starter;
        this.startedAt = startedAt;
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }

    /** A play, a tone, digits sent, or the prompts of a gather ({@link #promptOf} then names it). */
    static final class Output extends MediaOp {
        /** The gather whose prompts these are, or null for an operation of the application's own. */
        final Gather promptOf;

        Output(String id, MediaOperation kind, Handle starter, Instant startedAt, Gather promptOf) {
            super(id, kind, starter, startedAt);
            this.promptOf = promptOf;
        }

        /** Whether a digit may interrupt it (barge-in): prompts and tones, not digits being sent. */
        boolean isAudio() {
            return kind != MediaOperation.GENERATE_DIGITS;
        }
    }

    /** Digits collected by the core from the provider's digit reports (TAPI's lineGatherDigits). */
    static final class Gather extends MediaOp {
        final GatherRequest request;
        /** The digits so far, without terminators; appended only on the live call. */
        final StringBuilder digits = new StringBuilder();

        Gather(String id, Handle starter, Instant startedAt, GatherRequest request) {
            super(id, MediaOperation.GATHER, starter, startedAt);
            this.request = request;
        }
    }

    /** A recording the provider writes; the core ends it on its maximum duration and terminator digits. */
    static final class Recording extends MediaOp {
        final RecordRequest request;

        Recording(String id, Handle starter, Instant startedAt, RecordRequest request) {
            super(id, MediaOperation.RECORD, starter, startedAt);
            this.request = request;
        }
    }

    /**
     * A recording the core ended, waiting for the provider to report the file complete; its
     * completion then carries {@code reason}, the reason the core ended it for.
     */
    record Finishing(Recording recording, MediaEndReason reason) {
    }
}
