package dev.switchboard.sip.provider;

import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.LineProviderFactory;
import java.util.Map;

/** {@code provider=sip}: the SIP line provider, configured by the adapter's sip* properties. */
public final class SipLineProviderFactory implements LineProviderFactory {

    @Override
    public String name() {
        return "sip";
    }

    @Override
    public LineProvider create(Map<String, String> settings) {
        return new SipLineProvider(name(), SipSettings.from(settings));
    }
}
