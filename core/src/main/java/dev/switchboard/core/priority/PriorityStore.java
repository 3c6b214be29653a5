package dev.switchboard.core.priority;

import dev.switchboard.api.MediaMode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where the administrator's priority lists are kept so that they survive a restart (R3).
 * Implementations must make {@link #save} atomic: after a crash, {@link #load} returns either
 * the old lists or the new ones, never a mix.
 */
public interface PriorityStore {

    /** The saved lists; an empty map when nothing was ever saved. */
    Map<MediaMode, List<String>> load();

    /** Replaces everything saved with {@code lists}. */
    void save(Map<MediaMode, List<String>> lists);

    /**
     * Tells {@code listener} of every save made elsewhere: by another node of a cluster sharing
     * this store (R2 and R3 then hold on every node). A store that only this node writes, like the
     * file, never calls it. The listener gets the whole new set of lists, as {@link #load} would.
     */
    default void onSavedElsewhere(Consumer<Map<MediaMode, List<String>>> listener) {
    }
}
