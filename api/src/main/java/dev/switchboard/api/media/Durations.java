package dev.switchboard.api.media;

import java.time.Duration;

/** The range checks of the media requests' durations, with messages that name the field and the value. */
final class Durations {
    /** No request waits or lasts longer than this; a larger value is a mistake (seconds for milliseconds, say). */
    static final Duration LONGEST = Duration.ofHours(4);

    private Durations() {
    }

    /** {@code d} when it is more than zero and at most {@link #LONGEST}. */
    static Duration positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(what + " must be more than zero and at most " + LONGEST + ", not " + d);
        }
        return d;
    }

    /** {@code d} when it is zero (meaning "none") or positive up to {@link #LONGEST}. */
    static Duration zeroOrPositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(what + " must be zero (none) or positive up to " + LONGEST + ", not " + d);
        }
        return d;
    }
}
