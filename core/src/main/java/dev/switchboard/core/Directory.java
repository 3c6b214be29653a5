package dev.switchboard.core;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.priority.PriorityLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open applications and the effective priority order of R1, per line and media mode.
 * Orders are computed on first use and cached until an application opens or closes or an
 * administrator's list changes, because offering a call must not sort applications each time.
 */
final class Directory {
    private static final int MODES = MediaMode.values().length;

    private final ConcurrentHashMap<String, App> apps = new ConcurrentHashMap<>();
    private final PriorityLists adminLists;
    private final AtomicLong activations = new AtomicLong();
    private volatile ConcurrentHashMap<String, LineOrders> orders = new ConcurrentHashMap<>();

    /** The cached orders of one line. Entries are filled lazily; a race computes the same value twice. */
    private static final class LineOrders {
        final App[][] owners = new App[MODES][];
        App[] monitors;
    }

    Directory(PriorityLists adminLists) {
        this.adminLists = adminLists;
        adminLists.onChange(this::invalidate);
    }

    App open(ApplicationSpec spec, EventSink sink) {
        App app = new App(spec, activations.incrementAndGet(), sink);
        if (apps.putIfAbsent(spec.name(), app) != null) {
            throw new SwitchboardException(TapiError.INVALAPPNAME,
                    "an application named '" + spec.name() + "' is already open");
        }
        invalidate();
        return app;
    }

    void close(App app) {
        synchronized (app) { // no handle is given to it from now on (Rules.addHandle)
            app.open = false;
        }
        apps.remove(app.name, app);
        invalidate();
    }

    App app(String name) {
        return apps.get(name);
    }

    Collection<App> apps() {
        return apps.values();
    }

    PriorityLists adminLists() {
        return adminLists;
    }

    void invalidate() {
        orders = new ConcurrentHashMap<>();
    }

    /** The application named {@code name} if it opened {@code line} as OWNER (R9), else null. */
    App ownerOnLine(String name, String line) {
        App app = apps.get(name);
        return app != null && app.spec.isOwner() && app.spec.opens(line) ? app : null;
    }

    /** R1: the owners of {@code mode} on {@code line}, highest priority first. */
    App[] owners(String line, MediaMode mode) {
        LineOrders lo = orders.computeIfAbsent(line, l -> new LineOrders());
        App[] order = lo.owners[mode.ordinal()];
        if (order == null) {
            order = computeOwners(line, mode);
            lo.owners[mode.ordinal()] = order;
        }
        return order;
    }

    /** R5: the applications that opened {@code line} as MONITOR, in activation order. */
    App[] monitors(String line) {
        LineOrders lo = orders.computeIfAbsent(line, l -> new LineOrders());
        App[] order = lo.monitors;
        if (order == null) {
            order = apps.values().stream()
                    .filter(a -> a.spec.isMonitor() && a.spec.opens(line))
                    .sorted(Comparator.comparingLong(a -> a.seq))
                    .toArray(App[]::new);
            lo.monitors = order;
        }
        return order;
    }

    /** R1 in full: the administrator's names first, in their order; then the rest by declared priority, then activation. */
    List<String> effectiveOrder(String line, MediaMode mode) {
        List<String> names = new ArrayList<>();
        for (App a : owners(line, mode)) {
            names.add(a.name);
        }
        return names;
    }

    private App[] computeOwners(String line, MediaMode mode) {
        List<App> candidates = new ArrayList<>();
        for (App a : apps.values()) {
            if (a.spec.isOwner() && a.spec.opens(line) && a.spec.declaredPriority(mode) > 0) {
                candidates.add(a);
            }
        }
        List<App> order = new ArrayList<>(candidates.size());
        for (String name : adminLists.list(mode)) {
            for (App a : candidates) {
                if (a.name.equals(name)) {
                    order.add(a);
                }
            }
        }
        candidates.removeAll(order);
        candidates.sort(Comparator.<App>comparingInt(a -> a.spec.declaredPriority(mode)).thenComparingLong(a -> a.seq));
        order.addAll(candidates);
        return order.toArray(App[]::new);
    }
}
