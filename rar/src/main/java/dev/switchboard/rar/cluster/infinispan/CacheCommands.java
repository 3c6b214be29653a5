package dev.switchboard.rar.cluster.infinispan;

import dev.switchboard.core.cluster.OperatorCommand;
import dev.switchboard.core.cluster.RemoteCommands;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.infinispan.Cache;
import org.infinispan.context.Flag;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;

/**
 * Operators' commands through a replicated cache: the sender writes the command, every node hears
 * the write, the node it names carries it out and takes it away. It rides the cache container's own
 * JGroups channel and needs nothing marshalled but Strings. A command for a node that died before
 * taking it expires.
 */
@Listener
public final class CacheCommands implements RemoteCommands {
    private static final long LIFESPAN_SECONDS = 60;
    private final Cache<String, String> cache;
    private final String local;
    private volatile Consumer<OperatorCommand> handler;

    CacheCommands(Cache<String, String> cache, String local) {
        this.cache = cache;
        this.local = local;
    }

    @Override
    public void send(OperatorCommand command) {
        cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES)
                .put(UUID.randomUUID().toString(), command.encode(), LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void onCommand(Consumer<OperatorCommand> handler) {
        this.handler = handler;
    }

    @CacheEntryCreated
    public void created(CacheEntryCreatedEvent<String, String> event) {
        if (event.isPre() || event.getValue() == null) {
            return;
        }
        OperatorCommand command = OperatorCommand.decode(event.getValue());
        Consumer<OperatorCommand> h = handler;
        if (!command.node().equals(local) || h == null) {
            return;
        }
        cache.removeAsync(event.getKey()); // taken; never in the listener's own thread's way
        h.accept(command);
    }
}
