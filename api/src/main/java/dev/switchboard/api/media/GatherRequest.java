package dev.switchboard.api.media;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How to collect the caller's digits (TAPI's lineGatherDigits). The gather ends, with one
 * completion event (R28), at the first of: {@code maxDigits} collected (BUFFERFULL), a terminator
 * digit (TERMDIGIT; the terminator is not among the digits returned), no first digit within
 * {@code firstDigitTimeout} (FIRSTTIMEOUT) or no next digit within {@code interDigitTimeout}
 * (INTERTIMEOUT). A zero timeout means none, as in TAPI.
 *
 * <p>With prompts, they are played first and the first-digit timeout starts when they end. With
 * barge-in (the default) a digit pressed during the prompts stops them and counts; without it,
 * digits pressed during the prompts are ignored, so the caller hears the prompts to the end.
 *
 * <p>Start from {@link #digits(int)} and change what differs:
 * <pre>{@code
 * GatherRequest.digits(4).withTerminators("#").withPrompts(Prompt.file("/srv/ivr/pin.wav"))
 * }</pre>
 *
 * @param maxDigits         1 to {@value #MAX_DIGITS}
 * @param terminators       the digits that end the gather, each at most once; empty for none
 * @param firstDigitTimeout how long to wait for the first digit (after the prompts); zero = forever
 * @param interDigitTimeout how long to wait for each next digit; zero = forever
 * @param prompts           played before collecting; empty for none
 * @param bargeIn           whether a digit stops the prompts (and counts)
 */
public record GatherRequest(int maxDigits, String terminators, Duration firstDigitTimeout,
                            Duration interDigitTimeout, List<Prompt> prompts, boolean bargeIn)
        implements Serializable {

    /** TAPI's gather buffers are sized by the application; this is the most a gather collects. */
    public static final int MAX_DIGITS = 256;
    /** The first-digit timeout of {@link #digits(int)}. */
    public static final Duration DEFAULT_FIRST_DIGIT_TIMEOUT = Duration.ofSeconds(5);
    /** The inter-digit timeout of {@link #digits(int)}. */
    public static final Duration DEFAULT_INTER_DIGIT_TIMEOUT = Duration.ofSeconds(3);

    public GatherRequest {
        if (maxDigits < 1 || maxDigits > MAX_DIGITS) {
            throw new IllegalArgumentException("a gather collects 1 to " + MAX_DIGITS + " digits, not " + maxDigits);
        }
        Dtmf.requireDigitSet("the gather's terminators", terminators);
        Durations.zeroOrPositive("the gather's first-digit timeout", firstDigitTimeout);
        Durations.zeroOrPositive("the gather's inter-digit timeout", interDigitTimeout);
        if (prompts == null || prompts.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("the gather's prompts must be a list without nulls, not " + prompts);
        }
        prompts = List.copyOf(prompts);
    }

    /**
     * Up to {@code maxDigits} digits, no terminator, {@link #DEFAULT_FIRST_DIGIT_TIMEOUT} for the
     * first digit and {@link #DEFAULT_INTER_DIGIT_TIMEOUT} for each next, no prompt, barge-in on.
     */
    public static GatherRequest digits(int maxDigits) {
        return new GatherRequest(maxDigits, "", DEFAULT_FIRST_DIGIT_TIMEOUT, DEFAULT_INTER_DIGIT_TIMEOUT, List.of(),
                true);
    }

    public GatherRequest withTerminators(String newTerminators) {
        return new GatherRequest(maxDigits, newTerminators, firstDigitTimeout, interDigitTimeout, prompts, bargeIn);
    }

    public GatherRequest withFirstDigitTimeout(Duration timeout) {
        return new GatherRequest(maxDigits, terminators, timeout, interDigitTimeout, prompts, bargeIn);
    }

    public GatherRequest withInterDigitTimeout(Duration timeout) {
        return new GatherRequest(maxDigits, terminators, firstDigitTimeout, timeout, prompts, bargeIn);
    }

    public GatherRequest withPrompts(Prompt... newPrompts) {
        if (newPrompts == null) {
            throw new IllegalArgumentException("the gather's prompts must not be null");
        }
        return new GatherRequest(maxDigits, terminators, firstDigitTimeout, interDigitTimeout,
                Arrays.asList(newPrompts), bargeIn);
    }

    public GatherRequest withBargeIn(boolean on) {
        return new GatherRequest(maxDigits, terminators, firstDigitTimeout, interDigitTimeout, prompts, on);
    }
}
