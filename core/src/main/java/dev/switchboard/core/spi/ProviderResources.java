package dev.switchboard.core.spi;

/**
 * What a line provider holds at a moment, so that an operator (and the in-container tests) can
 * see that every call it took has been let go: once no call is up, both are back to zero.
 *
 * @param calls      calls the provider still knows (for SIP: dialogs it has not ended)
 * @param mediaPorts media sockets it holds open (for SIP: one RTP port per call)
 */
public record ProviderResources(int calls, int mediaPorts) {
    /** A provider that keeps nothing of its own (the simulated switch keeps only ids). */
    public static final ProviderResources NONE = new ProviderResources(0, 0);

    public ProviderResources {
        if (calls < 0 || mediaPorts < 0) {
            throw new IllegalArgumentException("negative resources: " + calls + " calls, " + mediaPorts + " ports");
        }
    }

    /** Both together, for a switchboard with several providers. */
    public ProviderResources plus(ProviderResources other) {
        return new ProviderResources(calls + other.calls, mediaPorts + other.mediaPorts);
    }
}
