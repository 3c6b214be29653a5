package dev.switchboard.core.spi;

/**
 * The call-control actions (R25-R33) a line provider can carry out, announced in its
 * {@link ProviderCapabilities}. The core refuses an action the provider does not announce with
 * OPERATIONUNAVAIL before anything reaches the line, as R13 does for handoff. Gathering digits is
 * not here: the core gathers from the digits the provider reports ({@code detectsDigits}), and
 * needs {@link #PLAY} only for a gather's prompts.
 */
public enum ProviderFeature {
    /** {@link LineProvider#play}: audio files and tones ({@code play}, {@code generateTone}, a gather's prompts). */
    PLAY,
    /** {@link LineProvider#record}. */
    RECORD,
    /** {@link LineProvider#generateDigits}. */
    GENERATE_DIGITS,
    /** {@link LineProvider#redirect}, before answer. */
    REDIRECT,
    /** {@link LineProvider#blindTransfer}, after answer. */
    BLIND_TRANSFER,
    /** {@link LineProvider#makeCall}. */
    MAKE_CALL,
    /** {@link LineProvider#bridge} and {@link LineProvider#unbridge}, for two calls of this provider. */
    BRIDGE
}
