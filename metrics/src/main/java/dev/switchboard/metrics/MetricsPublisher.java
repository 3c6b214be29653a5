package dev.switchboard.metrics;

import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.SwitchboardOperator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Publishes the adapter's figures ({@link Figures}) when this war starts, through whichever metrics
 * API the server gives deployments, and takes them back when it stops. The adapter itself cannot: a
 * resource adapter gets no CDI, and the registries are CDI beans.
 */
@ApplicationScoped
public class MetricsPublisher {
    /** The adapter's connection factory, as every module of the EAR names it. */
    static final String FACTORY_JNDI = "java:app/switchboard/ConnectionFactory";

    @Resource(lookup = FACTORY_JNDI)
    SwitchboardConnectionFactory factory;

    /** This war's beans, where the server adds its registry (CDI.current() may answer for another module). */
    @Inject
    Instance<Object> beans;

    private AutoCloseable published;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            SwitchboardOperator operator = factory.getOperator();
            // each binder class is touched only once its API is known to be there
            Optional<Object> micrometer = registry("io.micrometer.core.instrument.MeterRegistry");
            if (micrometer.isPresent()) {
                published = MicrometerBinder.bind(micrometer.get(), operator);
                MetricsLog.published(operator.instanceName(), Figures.ALL.size(), "Micrometer");
                return;
            }
            Optional<Object> microProfile = registry("org.eclipse.microprofile.metrics.MetricRegistry");
            if (microProfile.isPresent()) {
                published = MicroProfileBinder.bind(microProfile.get(), operator);
                MetricsLog.published(operator.instanceName(), Figures.ALL.size(), "MicroProfile Metrics");
                return;
            }
            MetricsLog.noFacility();
        } catch (RuntimeException | LinkageError e) {
            MetricsLog.failed(e);
        }
    }

    /** The server's registry bean of that type, when the server gives deployments one. */
    private Optional<Object> registry(String registryClass) {
        Class<?> type;
        try {
            type = Class.forName(registryClass, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.empty(); // this server has not that API
        }
        Instance<?> registry = beans.select(type);
        // Liberty's mpMetrics makes Micrometer's classes visible and resolves a MeterRegistry bean that is null
        return registry.isResolvable() ? Optional.ofNullable(registry.get()) : Optional.empty();
    }

    @PreDestroy
    void stop() {
        if (published != null) {
            try {
                published.close();
            } catch (Exception e) {
                MetricsLog.failed(e);
            }
            published = null;
        }
    }
}
