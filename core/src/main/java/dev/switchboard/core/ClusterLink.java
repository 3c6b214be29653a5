package dev.switchboard.core;

import dev.switchboard.api.CallView;
import dev.switchboard.api.ClusterCallView;
import dev.switchboard.core.cluster.CallEntry;
import dev.switchboard.core.cluster.Cluster;
import dev.switchboard.core.spi.LineProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A clustered switchboard's tie to the other nodes. It keeps this node's entries in the call
 * directory up to date off the call-lock path: a changed call is only marked, and marked calls are
 * written together a short {@link Cluster#publishDelay} later on the providers' timer, so that a
 * burst of changes makes one write. It ends the calls of nodes that left when this node is the
 * oldest member, the one survivor that does it.
 */
final class ClusterLink {
    private final Engine engine;
    private final Cluster cluster;
    private final String local;
    private final Function<Call, CallView> views;
    private final Set<Call> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    /** The call ids this node has an entry for; read and written only while flushing. */
    private final Set<String> published = new HashSet<>();
    private volatile boolean closed;

    ClusterLink(Engine engine, Cluster cluster, Function<Call, CallView> views) {
        this.engine = engine;
        this.cluster = cluster;
        this.local = cluster.localNode();
        this.views = views;
    }

    String localNode() {
        return local;
    }

    Cluster cluster() {
        return cluster;
    }

    /** The call changed (or ended): its entry is written with the next flush. Cheap, called after every lock step. */
    void changed(Call call) {
        dirty.add(call);
        if (flushScheduled.compareAndSet(false, true)) {
            later(cluster.publishDelay(), this::flush);
        }
    }

    /** Writes the entries of the calls that changed since the last flush; one flush at a time, in order. */
    synchronized void flush() {
        flushScheduled.set(false);
        if (closed) {
            return;
        }
        Map<String, CallEntry> puts = new LinkedHashMap<>();
        Set<String> removes = new HashSet<>();
        for (Call call : List.copyOf(dirty)) {
            dirty.remove(call);
            CallEntry entry = engine.call(call.id) == call ? entry(call) : null;
            if (entry != null) {
                puts.put(entry.key(), entry);
            } else if (published.contains(call.id)) {
                removes.add(CallEntry.key(local, call.id));
            }
        }
        if (puts.isEmpty() && removes.isEmpty()) {
            return;
        }
        try {
            cluster.directory().update(puts, removes);
            puts.values().forEach(e -> published.add(e.callId()));
            removes.forEach(k -> published.remove(k.substring(local.length() + 1)));
        } catch (RuntimeException e) {
            Log.directoryWriteFailed(puts.size(), removes.size(), e);
        }
    }

    private CallEntry entry(Call call) {
        CallView v = views.apply(call);
        if (v == null) {
            return null;
        }
        return new CallEntry(local, v.callId(), v.line(), v.provider(), v.providerCallId(), v.mediaModes(), v.state(),
                v.owners(), v.monitors(), v.callerId(), v.calledId(), call.recoveryFacts);
    }

    /** This node's calls as {@code localCalls} has them, then every other node's from the directory. */
    List<ClusterCallView> clusterCalls(List<CallView> localCalls) {
        List<ClusterCallView> out = new ArrayList<>();
        localCalls.forEach(c -> out.add(new ClusterCallView(local, false, c)));
        List<CallEntry> remote = new ArrayList<>();
        for (CallEntry e : cluster.directory().entries()) {
            if (!e.node().equals(local)) {
                remote.add(e);
            }
        }
        remote.sort((a, b) -> a.node().equals(b.node()) ? Long.compare(seq(a.callId()), seq(b.callId()))
                : a.node().compareTo(b.node()));
        remote.forEach(e -> out.add(new ClusterCallView(e.node(), true, e.view())));
        return out;
    }

    private static long seq(String callId) {
        try {
            return Long.parseLong(callId.substring(callId.indexOf('-') + 1));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    // ---- the calls of nodes that left ----

    /** Starts watching the membership, and looks at once for calls to end (a previous life of this node's among them). */
    void start() {
        cluster.membership().onChange(() -> later(Duration.ZERO, () -> endOrphans(false)));
        endOrphans(true);
    }

    /**
     * Ends the calls of nodes no longer in the cluster when this node is the oldest member; with
     * {@code ownPastLife}, also this node's entries that name no call it has now (it restarted
     * before anybody cleaned up after it).
     */
    synchronized void endOrphans(boolean ownPastLife) {
        if (closed) {
            return;
        }
        try {
            List<String> members = cluster.membership().members();
            boolean oldest = !members.isEmpty() && members.get(0).equals(local);
            List<CallEntry> orphans = new ArrayList<>();
            Set<String> gone = new java.util.TreeSet<>();
            for (CallEntry e : cluster.directory().entries()) {
                if (e.node().equals(local)) {
                    if (ownPastLife && !isLive(e)) {
                        orphans.add(e);
                        gone.add(local + " (an earlier run)");
                    }
                } else if (oldest && !members.contains(e.node())) {
                    orphans.add(e);
                    gone.add(e.node());
                }
            }
            if (orphans.isEmpty()) {
                return;
            }
            Log.nodesLeft(local, gone, orphans.size());
            Set<String> removes = new HashSet<>();
            for (CallEntry e : orphans) {
                endOrphan(e);
                removes.add(e.key());
            }
            cluster.directory().update(Map.of(), removes);
        } catch (RuntimeException e) {
            Log.cleanupFailed(local, e);
        }
    }

    private boolean isLive(CallEntry e) {
        Call call = engine.call(e.callId());
        return call != null && call.providerCallId.equals(e.providerCallId());
    }

    private void endOrphan(CallEntry e) {
        ProviderBinding b = e.provider() == null ? null : engine.provider(e.provider());
        if (b == null) {
            Log.orphanEnded(e.key(), e.provider() + " (not on this node)", false, null);
            return;
        }
        LineProvider provider = b.provider;
        try {
            Log.orphanEnded(e.key(), provider.name(), provider.endOrphan(e.facts()), null);
        } catch (RuntimeException ex) {
            Log.orphanEnded(e.key(), provider.name(), false, ex);
        }
    }

    /** Takes this node's entries out of the directory: the node stops, its calls with it. */
    synchronized void close() {
        closed = true;
        Set<String> removes = new HashSet<>();
        published.forEach(id -> removes.add(CallEntry.key(local, id)));
        engine.calls().forEach(c -> removes.add(CallEntry.key(local, c.id)));
        published.clear();
        try {
            cluster.directory().update(Map.of(), removes);
        } catch (RuntimeException e) {
            Log.directoryWriteFailed(0, removes.size(), e);
        }
    }

    void later(Duration delay, Runnable task) {
        try {
            engine.timer().schedule(delay, task);
        } catch (RejectedExecutionException e) {
            // stopping: what would have been written goes with the node
        }
    }
}
