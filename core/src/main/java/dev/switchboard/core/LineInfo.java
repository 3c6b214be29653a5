package dev.switchboard.core;

import dev.switchboard.core.spi.ProviderCapabilities;

/** A line and the provider serving it. */
public record LineInfo(String line, String provider, ProviderCapabilities capabilities) {
}
