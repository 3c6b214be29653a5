package dev.switchboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.api.operator.OperatorStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Micrometer side: every figure registered under its name and label, read live, and taken back. */
class MicrometerBinderTest {
    private final AtomicReference<OperatorStatistics> now =
            new AtomicReference<>(new OperatorStatistics(2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    @Test
    void countersAndGaugesReadTheAdaptersFiguresAtEachScrapeAndAreRemovedOnClose() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AutoCloseable published = MicrometerBinder.bind(registry, operator("pbx-east"));

        assertThat(registry.getMeters()).hasSize(Figures.ALL.size())
                .allSatisfy(m -> assertThat(m.getId().getTag("adapter")).isEqualTo("pbx-east"));
        now.set(new OperatorStatistics(2, 1, 1, 1, 7, 3, 0, 0, 0, 0, 0, 0));
        assertThat(registry.get("switchboard.calls.offered").functionCounter().count()).isEqualTo(7.0);
        assertThat(registry.get("switchboard.handoffs.succeeded").meter()).isInstanceOf(FunctionCounter.class);
        assertThat(registry.get("switchboard.calls.unowned").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("switchboard.lines").meter()).isInstanceOf(Gauge.class);

        published.close();
        assertThat(registry.getMeters()).isEmpty();
    }

    /** An operator view that answers only what the binder asks. */
    private SwitchboardOperator operator(String instanceName) {
        return (SwitchboardOperator) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SwitchboardOperator.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "instanceName" -> instanceName;
                    case "statistics" -> now.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
