package dev.switchboard.core.spi;

import dev.switchboard.core.latency.LatencyRecorders;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the switchboard hands a line provider when it starts it: where to report calls, and the
 * threads to do the provider's own work on. A provider creates no thread pool or timer of its
 * own; inside the resource adapter these are backed by the container's WorkManager (and the
 * BootstrapContext's timer), which is what the Connectors specification asks of an adapter. The
 * only threads a provider may run beside these are those of a third-party stack it embeds and
 * cannot hand an executor to (jain-sip's transport threads).
 *
 * <p>The provider's settings are not here: its {@link LineProviderFactory} reads them into the
 * provider's own settings record when it creates the provider, because the lines it serves must
 * be known before it starts and a wrong value must stop the adapter naming the property.
 *
 * @param events              where the provider reports its calls
 * @param executor            short tasks: one call's handlers, timer tasks. Tasks may run on
 *                            several threads at once; a provider that needs one call's work in
 *                            order runs it through a {@link dev.switchboard.core.concurrent.SerialExecutor}
 * @param longRunningExecutor work that lasts as long as a call or the provider does, such as a
 *                            media reader blocking on its socket; kept apart so that it never
 *                            takes the threads short tasks and event deliveries need (in the
 *                            adapter: WorkManager work with the long-running hint). It must not
 *                            run tasks on the caller's thread
 * @param timer               delays; the delayed task runs on {@code executor}
 * @param latencies           the switchboard's latency histograms, where a provider records how
 *                            long its part of a call's path took (SIP: answer to 200 sent)
 * @param queueingDelay       how far behind the threads of {@code executor} and of the event
 *                            deliveries are; a provider refuses new calls while it is too long
 */
public record ProviderContext(ProviderEvents events, Executor executor, Executor longRunningExecutor,
                              ProviderTimer timer, LatencyRecorders latencies, QueueingDelay queueingDelay) {

    public ProviderContext {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(longRunningExecutor, "longRunningExecutor");
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(latencies, "latencies");
        Objects.requireNonNull(queueingDelay, "queueingDelay");
    }

    /** A context whose threads report no queueing delay. */
    public ProviderContext(ProviderEvents events, Executor executor, Executor longRunningExecutor,
                           ProviderTimer timer, LatencyRecorders latencies) {
        this(events, executor, longRunningExecutor, timer, latencies, QueueingDelay.NONE);
    }

    /** A context whose latencies nobody reads: for a provider run on its own, as in its tests. */
    public ProviderContext(ProviderEvents events, Executor executor, Executor longRunningExecutor,
                           ProviderTimer timer) {
        this(events, executor, longRunningExecutor, timer, new LatencyRecorders(), QueueingDelay.NONE);
    }
}
