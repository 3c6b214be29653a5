package dev.switchboard.rar.cluster.infinispan;

import dev.switchboard.core.cluster.Membership;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;

/**
 * The members as the cache container's JGroups view has them, the coordinator (the oldest) first.
 * A member's name is its address, which on WildFly is its {@code jboss.node.name}.
 */
@Listener
public final class ViewMembership implements Membership {
    private final EmbeddedCacheManager manager;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    ViewMembership(EmbeddedCacheManager manager) {
        this.manager = manager;
    }

    @Override
    public String localNode() {
        Address a = manager.getAddress();
        if (a == null) {
            throw new IllegalStateException("cache container " + manager.getCacheManagerConfiguration().cacheManagerName()
                    + " has no cluster transport: give it one (WildFly: transport=jgroups), or leave"
                    + " clusterCacheContainer empty for a single node");
        }
        return a.toString();
    }

    @Override
    public List<String> members() {
        List<String> names = new ArrayList<>();
        List<Address> members = manager.getMembers();
        if (members != null) {
            members.forEach(m -> names.add(m.toString()));
        }
        return names;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @ViewChanged
    public void viewChanged(ViewChangedEvent event) {
        listeners.forEach(Runnable::run);
    }
}
