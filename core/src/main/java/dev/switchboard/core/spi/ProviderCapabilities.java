package dev.switchboard.core.spi;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a line provider can do.
 *
 * @param supportsHandoff       whether calls on its lines can be handed off (R13); when false,
 *                              every handoff there fails with OPERATIONUNAVAIL
 * @param detectableMediaModes  the media-mode bits it can detect during a call (R17)
 * @param detectsDigits         whether it reports the remote party's DTMF digits (R18); gathering
 *                              digits needs it too
 * @param features              the call-control actions it carries out (R25-R33); an action it
 *                              does not list fails with OPERATIONUNAVAIL and never reaches it
 */
public record ProviderCapabilities(boolean supportsHandoff, int detectableMediaModes, boolean detectsDigits,
                                   Set<ProviderFeature> features) {

    public ProviderCapabilities {
        features = features == null || features.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(features));
    }

    /** A provider without call control: what every provider could do before R25-R33. */
    public ProviderCapabilities(boolean supportsHandoff, int detectableMediaModes, boolean detectsDigits) {
        this(supportsHandoff, detectableMediaModes, detectsDigits, Set.of());
    }

    public boolean supports(ProviderFeature feature) {
        return features.contains(feature);
    }

    /** The same capabilities with {@code more} features. */
    public ProviderCapabilities with(ProviderFeature... more) {
        EnumSet<ProviderFeature> all = EnumSet.noneOf(ProviderFeature.class);
        all.addAll(features);
        all.addAll(java.util.List.of(more));
        return new ProviderCapabilities(supportsHandoff, detectableMediaModes, detectsDigits, all);
    }
}
