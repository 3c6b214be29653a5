package dev.switchboard.metrics;

import dev.switchboard.api.SwitchboardOperator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * WildFly: the figures as Micrometer meters in the registry the micrometer subsystem gives
 * deployments, which its Prometheus registry serves. Counters are function counters: Micrometer reads
 * the adapter's own count at each scrape, so nothing is counted twice or late. Loaded only when the
 * server offers Micrometer.
 *
 * <p>Registered by name ({@code more().counter(name, ...)}, {@code gauge(name, ...)}), not with the
 * meter builders: WildFly's per-deployment registry hands only those calls on to the server's
 * registries; a builder's meter stays in the deployment and is never scraped (WildFly 39, tried).
 */
final class MicrometerBinder {
    private MicrometerBinder() {
    }

    static AutoCloseable bind(Object registryBean, SwitchboardOperator operator) {
        MeterRegistry registry = (MeterRegistry) registryBean;
        Tags tags = Tags.of(Figures.LABEL, operator.instanceName());
        List<Meter> meters = new ArrayList<>();
        for (Figures.Figure f : Figures.ALL) {
            switch (f.kind()) {
                case COUNTER -> registry.more().counter(f.name(), tags, operator,
                        o -> f.value().applyAsLong(o.statistics()));
                case GAUGE -> registry.gauge(f.name(), tags, operator, o -> f.value().applyAsLong(o.statistics()));
            }
            Meter meter = registry.find(f.name()).tags(tags).meter();
            if (meter != null) {
                meters.add(meter);
            }
        }
        // the gauges hold the operator weakly: this closeable keeps it for as long as they are published
        return new AutoCloseable() {
            private final SwitchboardOperator published = operator;

            @Override
            public void close() {
                meters.forEach(registry::remove);
            }

            @Override
            public String toString() {
                return "Micrometer meters of " + published.instanceName();
            }
        };
    }
}
