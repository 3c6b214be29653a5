package dev.switchboard.core.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Several nodes in one JVM sharing a directory, a membership and a command channel, the way a
 * replicated cache and a group view would; entries go through their text form, as in a real cache.
 */
final class FakeCluster {
    final Map<String, String> entries = new ConcurrentHashMap<>();
    final List<String> members = new CopyOnWriteArrayList<>();
    final AtomicInteger updates = new AtomicInteger();
    private final Map<String, List<Runnable>> viewListeners = new ConcurrentHashMap<>();
    private final Map<String, Consumer<OperatorCommand>> handlers = new ConcurrentHashMap<>();
    private final Duration publishDelay;

    FakeCluster(Duration publishDelay) {
        this.publishDelay = publishDelay;
    }

    private final CallDirectory directory = new CallDirectory() {
        @Override
        public void update(Map<String, CallEntry> puts, Set<String> removes) {
            updates.incrementAndGet();
            puts.forEach((k, v) -> entries.put(k, v.encode()));
            removes.forEach(entries::remove);
        }

        @Override
        public Collection<CallEntry> entries() {
            List<CallEntry> out = new ArrayList<>();
            entries.values().forEach(text -> out.add(CallEntry.decode(text)));
            return out;
        }
    };

    /** A node joining: it becomes the youngest member. */
    Cluster join(String node) {
        members.add(node);
        Membership membership = new Membership() {
            @Override
            public String localNode() {
                return node;
            }

            @Override
            public List<String> members() {
                return List.copyOf(members);
            }

            @Override
            public void onChange(Runnable listener) {
                viewListeners.computeIfAbsent(node, n -> new CopyOnWriteArrayList<>()).add(listener);
            }
        };
        RemoteCommands commands = new RemoteCommands() {
            @Override
            public void send(OperatorCommand command) {
                Consumer<OperatorCommand> h = handlers.get(command.node());
                if (h == null) {
                    throw new IllegalStateException("node " + command.node() + " is not a member");
                }
                h.accept(command);
            }

            @Override
            public void onCommand(Consumer<OperatorCommand> handler) {
                handlers.put(node, handler);
            }
        };
        return new Cluster(directory, membership, commands, publishDelay);
    }

    /** {@code node} is gone as a kill would leave it: its entries stay, the others hear of the new view. */
    void kill(String node) {
        members.remove(node);
        handlers.remove(node);
        viewListeners.remove(node);
        viewListeners.values().forEach(ls -> ls.forEach(Runnable::run));
    }

    long entriesOf(String node) {
        return directory.entries().stream().filter(e -> e.node().equals(node)).count();
    }
}
