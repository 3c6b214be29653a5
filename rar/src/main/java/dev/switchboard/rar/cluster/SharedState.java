package dev.switchboard.rar.cluster;

import dev.switchboard.core.cluster.Cluster;
import dev.switchboard.core.priority.PriorityStore;
import java.lang.reflect.InvocationTargetException;

/**
 * What a clustered adapter shares with the other nodes: the cluster (call directory, membership,
 * operators' commands) and the priority lists' store. Made from the server's cache container only
 * when {@code clusterCacheContainer} is set: the classes that touch Infinispan are loaded by name
 * here and nowhere else, so that a server without Infinispan (Open Liberty) never needs them.
 */
public interface SharedState extends AutoCloseable {

    /** The Infinispan implementation, loaded only when a cache container is configured. */
    String INFINISPAN = "dev.switchboard.rar.cluster.infinispan.InfinispanSharedState";

    Cluster cluster();

    PriorityStore priorities();

    /** Stops listening to the caches; the server's cache container and its caches stay for the other nodes. */
    @Override
    void close();

    /**
     * The shared state in the cache container bound at {@code jndiName}.
     *
     * @throws IllegalStateException naming the container and the reason when it cannot be used
     */
    static SharedState connect(String jndiName) {
        try {
            return (SharedState) Class.forName(INFINISPAN, true, SharedState.class.getClassLoader())
                    .getMethod("lookup", String.class).invoke(null, jndiName);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("cache container '" + jndiName + "' cannot hold the shared state: "
                    + cause, cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cache container '" + jndiName + "' is set, but this server gives the"
                    + " adapter no Infinispan (on WildFly the rar's MANIFEST asks for the org.infinispan.core module;"
                    + " Open Liberty has none: leave clusterCacheContainer empty there): " + e, e);
        }
    }
}
