package dev.switchboard.core.priority;

import dev.switchboard.api.MediaMode;
import java.util.List;
import java.util.Map;

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
}
