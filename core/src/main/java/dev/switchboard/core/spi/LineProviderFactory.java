package dev.switchboard.core.spi;

import java.util.Map;

/**
 * Makes a {@link LineProvider} from the resource adapter's configuration, so that a provider is
 * chosen by name ({@code provider=sim}, {@code provider=sip}) without the adapter knowing its
 * classes. Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.switchboard.core.spi.LineProviderFactory}).
 */
public interface LineProviderFactory {

    /** The name an administrator gives in the adapter's {@code provider} property. */
    String name();

    /**
     * A new, not yet started provider.
     *
     * @param settings the adapter's configuration properties by name (for example
     *                 {@code simulatedLines}); unset properties are absent
     * @throws IllegalArgumentException naming the property and the value when a setting is wrong
     */
    LineProvider create(Map<String, String> settings);
}
