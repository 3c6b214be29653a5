package dev.switchboard.core.priority;

import dev.switchboard.api.MediaMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Keeps the lists in memory only: for tests and for deployments that configure them at start. */
public final class InMemoryPriorityStore implements PriorityStore {
    private Map<MediaMode, List<String>> saved = new EnumMap<>(MediaMode.class);

    @Override
    public synchronized Map<MediaMode, List<String>> load() {
        return PriorityLists.deepCopy(saved);
    }

    @Override
    public synchronized void save(Map<MediaMode, List<String>> lists) {
        saved = PriorityLists.deepCopy(lists);
    }
}
