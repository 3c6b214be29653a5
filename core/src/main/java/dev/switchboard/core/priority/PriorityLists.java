package dev.switchboard.core.priority;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The administrator's ordered list of application names for each media mode (R1), saved to a
 * {@link PriorityStore} on every change (R3). Applications come before others in the list's order;
 * see the core's effective-order rule for how they combine with declared priorities.
 */
public final class PriorityLists {
    private final PriorityStore store;
    private final Map<MediaMode, List<String>> lists;
    private volatile Runnable changeListener = () -> { };

    public PriorityLists(PriorityStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.lists = checked(store.load(), "saved");
        store.onSavedElsewhere(this::savedElsewhere);
    }

    /**
     * Another node saved {@code saved} into the shared store: this node's lists become the same,
     * at once (R2), without saving them again.
     */
    private void savedElsewhere(Map<MediaMode, List<String>> saved) {
        Map<MediaMode, List<String>> next = checked(saved, "shared");
        synchronized (this) {
            lists.clear();
            lists.putAll(next);
        }
        changeListener.run();
    }

    private static Map<MediaMode, List<String>> checked(Map<MediaMode, List<String>> source, String which) {
        Map<MediaMode, List<String>> out = new EnumMap<>(MediaMode.class);
        source.forEach((mode, names) -> {
            for (String name : names) {
                String problem = ApplicationNames.problem(name);
                if (problem != null) {
                    throw new IllegalStateException("the " + which + " priority list for " + mode
                            + " holds application name " + ApplicationNames.quoted(name) + ", which " + problem);
                }
            }
            if (!names.isEmpty()) {
                out.put(mode, List.copyOf(names));
            }
        });
        return out;
    }

    /** The list for {@code mode}, highest priority first; empty when none was set. */
    public synchronized List<String> list(MediaMode mode) {
        return List.copyOf(lists.getOrDefault(mode, List.of()));
    }

    /** Every non-empty list. */
    public synchronized Map<MediaMode, List<String>> all() {
        return deepCopy(lists);
    }

    /**
     * Replaces the list for {@code mode}. Each name must be a valid application name (else INVALAPPNAME,
     * see {@link ApplicationNames}: names are kept exactly as given, never trimmed) and appear once
     * (else IllegalArgumentException).
     */
    public void setList(MediaMode mode, List<String> names) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(names, "names");
        List<String> clean = new ArrayList<>();
        for (String name : names) {
            String problem = ApplicationNames.problem(name);
            if (problem != null) {
                throw new SwitchboardException(TapiError.INVALAPPNAME, "the priority list for " + mode
                        + " names application " + ApplicationNames.quoted(name) + ", which " + problem);
            }
            if (clean.contains(name)) {
                throw new IllegalArgumentException("the priority list for " + mode + " names '" + name + "' twice");
            }
            clean.add(name);
        }
        synchronized (this) {
            Map<MediaMode, List<String>> next = deepCopy(lists);
            if (clean.isEmpty()) {
                next.remove(mode);
            } else {
                next.put(mode, List.copyOf(clean));
            }
            store.save(next); // first, so that a store that refuses or fails leaves the lists as they were
            lists.clear();
            lists.putAll(next);
        }
        changeListener.run();
    }

    /** Puts {@code app} first in the list for {@code mode} (R2, priority 1). */
    public void insertFirst(MediaMode mode, String app) {
        List<String> updated;
        synchronized (this) {
            updated = new ArrayList<>(lists.getOrDefault(mode, List.of()));
            updated.remove(app);
            updated.add(0, app);
        }
        setList(mode, updated);
    }

    /** Takes {@code app} out of the list for {@code mode} (R2, priority 0). */
    public void remove(MediaMode mode, String app) {
        List<String> updated;
        synchronized (this) {
            updated = new ArrayList<>(lists.getOrDefault(mode, List.of()));
            if (!updated.remove(app)) {
                return;
            }
        }
        setList(mode, updated);
    }

    /** The 1-based position of {@code app} in the list for {@code mode}, 0 when absent (R2). */
    public synchronized int position(MediaMode mode, String app) {
        return lists.getOrDefault(mode, List.of()).indexOf(app) + 1;
    }

    /** Runs {@code listener} after every change (the core drops its cached orders). */
    public void onChange(Runnable listener) {
        this.changeListener = Objects.requireNonNull(listener, "listener");
    }

    static Map<MediaMode, List<String>> deepCopy(Map<MediaMode, List<String>> source) {
        Map<MediaMode, List<String>> copy = new EnumMap<>(MediaMode.class);
        source.forEach((mode, names) -> copy.put(mode, List.copyOf(names)));
        return copy;
    }
}
