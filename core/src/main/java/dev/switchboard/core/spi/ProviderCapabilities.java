package dev.switchboard.core.spi;

/**
 * What a line provider can do.
 *
 * @param supportsHandoff       whether calls on its lines can be handed off (R13); when false,
 *                              every handoff there fails with OPERATIONUNAVAIL
 * @param detectableMediaModes  the media-mode bits it can detect during a call (R17)
 * @param detectsDigits         whether it reports the remote party's DTMF digits (R18)
 */
public record ProviderCapabilities(boolean supportsHandoff, int detectableMediaModes, boolean detectsDigits) {
}
