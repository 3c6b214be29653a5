package dev.switchboard.rar.cluster.infinispan;

import dev.switchboard.core.cluster.Cluster;
import dev.switchboard.core.priority.PriorityStore;
import dev.switchboard.rar.cluster.SharedState;
import java.time.Duration;
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

    /** The container bound at {@code jndiName} (WildFly: {@code java:jboss/infinispan/container/<name>}). */
    public static SharedState lookup(String jndiName) throws NamingException {
        Object found = new InitialContext().lookup(jndiName);
        if (!(found instanceof EmbeddedCacheManager manager)) {
            throw new IllegalStateException(jndiName + " is " + (found == null ? "empty" : found.getClass().getName())
                    + ", not an Infinispan cache container");
        }
        return of(manager, Cluster.DEFAULT_PUBLISH_DELAY);
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
