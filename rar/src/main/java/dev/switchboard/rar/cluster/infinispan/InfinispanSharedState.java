package dev.switchboard.rar.cluster.infinispan;

import dev.switchboard.core.cluster.Cluster;
import dev.switchboard.core.priority.PriorityStore;
import dev.switchboard.rar.cluster.SharedState;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;

/** The shared state in one Infinispan cache container: its caches, its view, its channel. */
public final class InfinispanSharedState implements SharedState {
    private final EmbeddedCacheManager manager;
    private final Cache<String, String> priorityCache;
    private final Cache<String, String> commandCache;
    private final ViewMembership membership;
    private final CacheCommands commands;
    private final CachePriorityStore priorities;
    private final Cluster cluster;

    private InfinispanSharedState(EmbeddedCacheManager manager, Duration publishDelay) {
        this.manager = manager;
        this.membership = new ViewMembership(manager);
        String local = membership.localNode();
        this.priorityCache = SwitchboardCaches.priorities(manager);
        this.commandCache = SwitchboardCaches.commands(manager);
        this.priorities = new CachePriorityStore(priorityCache);
        this.commands = new CacheCommands(commandCache, local);
        priorityCache.addListener(priorities);
        commandCache.addListener(commands);
        manager.addListener(membership);
        this.cluster = new Cluster(new CacheCallDirectory(SwitchboardCaches.calls(manager)), membership, commands,
                publishDelay);
    }

    /** How long a lookup waits for a container whose name is bound but which has not started yet. */
    static final Duration CONTAINER_START_WAIT = Duration.ofSeconds(30);

    /** The container bound at {@code jndiName} (WildFly: {@code java:jboss/infinispan/container/<name>}). */
    public static SharedState lookup(String jndiName) throws NamingException, InterruptedException {
        Object found = lookupStarted(new InitialContext(), jndiName, CONTAINER_START_WAIT);
        if (!(found instanceof EmbeddedCacheManager manager)) {
            throw new IllegalStateException(jndiName + " is " + (found == null ? "empty" : found.getClass().getName())
                    + ", not an Infinispan cache container");
        }
        return of(manager, Cluster.DEFAULT_PUBLISH_DELAY);
    }

    /**
     * WildFly binds a cache container's name before the container has started: it starts on demand,
     * in parallel with the deployments, so the adapter's start can look it up in between and get a
     * NameNotFoundException caused by an IllegalStateException (the binder has no value yet). That
     * one failure is retried, every 100 ms, for at most {@code wait}; any other failure is not.
     */
    static Object lookupStarted(Context naming, String jndiName, Duration wait)
            throws NamingException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return naming.lookup(jndiName);
            } catch (NamingException e) {
                if (!(e.getRootCause() instanceof IllegalStateException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** The shared state in {@code manager}, which must have a cluster transport. */
    public static InfinispanSharedState of(EmbeddedCacheManager manager, Duration publishDelay) {
        return new InfinispanSharedState(manager, publishDelay);
    }

    @Override
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public PriorityStore priorities() {
        return priorities;
    }

    @Override
    public void close() {
        priorityCache.removeListener(priorities);
        commandCache.removeListener(commands);
        manager.removeListener(membership);
    }
}
