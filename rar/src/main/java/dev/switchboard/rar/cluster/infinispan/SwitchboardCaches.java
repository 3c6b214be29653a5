package dev.switchboard.rar.cluster.infinispan;

import org.infinispan.Cache;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.transaction.LockingMode;
import org.infinispan.transaction.TransactionMode;
import org.infinispan.transaction.lookup.EmbeddedTransactionManagerLookup;

/**
 * The adapter's caches, defined from code in whatever container it is given: a cache defined only
 * in the server's configuration starts when some deployment references it, which in an EAR can be
 * after the adapter's start. Every value is a String, which any marshaller stores.
 */
final class SwitchboardCaches {
    /** The priority lists (R2, R3): replicated, transactional, so an edit is on every node when save returns. */
    static final String PRIORITIES = "switchboard-priorities";
    /** One entry per live call of every node. */
    static final String CALLS = "switchboard-calls";
    /** Operators' commands on the way to the node that holds the call. */
    static final String COMMANDS = "switchboard-commands";

    private SwitchboardCaches() {
    }

    static Cache<String, String> priorities(EmbeddedCacheManager manager) {
        ConfigurationBuilder b = replicated();
        // a transaction of its own (not the caller's JTA one): a save is one commit on every node, whatever the caller does
        b.transaction().transactionMode(TransactionMode.TRANSACTIONAL).lockingMode(LockingMode.PESSIMISTIC)
                .transactionManagerLookup(new EmbeddedTransactionManagerLookup());
        return cache(manager, PRIORITIES, b.build());
    }

    static Cache<String, String> calls(EmbeddedCacheManager manager) {
        ConfigurationBuilder b = replicated();
        return cache(manager, CALLS, b.build());
    }

    static Cache<String, String> commands(EmbeddedCacheManager manager) {
        ConfigurationBuilder b = replicated();
        return cache(manager, COMMANDS, b.build());
    }

    /** Kept as the Strings they are; marshalled only to travel (and the server does not warn of an unset encoding). */
    private static ConfigurationBuilder replicated() {
        ConfigurationBuilder b = new ConfigurationBuilder();
        b.clustering().cacheMode(CacheMode.REPL_SYNC);
        b.encoding().mediaType(MediaType.APPLICATION_OBJECT_TYPE);
        return b;
    }

    private static Cache<String, String> cache(EmbeddedCacheManager manager, String name, Configuration config) {
        synchronized (manager) {
            if (manager.getCacheConfiguration(name) == null) {
                manager.defineConfiguration(name, config);
            }
        }
        return manager.getCache(name);
    }
}
