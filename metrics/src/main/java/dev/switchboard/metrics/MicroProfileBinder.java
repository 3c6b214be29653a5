package dev.switchboard.metrics;

import dev.switchboard.api.SwitchboardOperator;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Open Liberty: the figures in the application registry of MicroProfile Metrics (feature mpMetrics),
 * served at /metrics. MicroProfile Metrics 5 has no counter that reads a value, only one the
 * application increments; the adapter does the counting, so every figure is a gauge read at the
 * scrape, and a counter keeps its Prometheus name (..._total) so queries are the same as on WildFly.
 * Loaded only when the server offers MicroProfile Metrics.
 */
final class MicroProfileBinder {
    private MicroProfileBinder() {
    }

    static AutoCloseable bind(Object registryBean, SwitchboardOperator operator) {
        MetricRegistry registry = (MetricRegistry) registryBean;
        Tag adapter = new Tag(Figures.LABEL, operator.instanceName());
        List<MetricID> ids = new ArrayList<>();
        for (Figures.Figure f : Figures.ALL) {
            String name = f.kind() == Figures.Kind.COUNTER ? f.name() + ".total" : f.name();
            Metadata metadata = Metadata.builder().withName(name).withDescription(f.help()).build();
            registry.gauge(metadata, () -> f.value().applyAsLong(operator.statistics()), adapter);
            ids.add(new MetricID(name, adapter));
        }
        return () -> ids.forEach(registry::remove);
    }
}
