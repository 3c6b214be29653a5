package dev.switchboard.rar.cluster.infinispan;

import dev.switchboard.core.cluster.CallDirectory;
import dev.switchboard.core.cluster.CallEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

/** The call directory in a replicated cache: key {@code node/callId}, value the entry's text. */
final class CacheCallDirectory implements CallDirectory {
    private final Cache<String, String> cache;

    CacheCallDirectory(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public void update(Map<String, CallEntry> puts, Set<String> removes) {
        var writes = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
        if (!puts.isEmpty()) {
            Map<String, String> texts = new LinkedHashMap<>();
            puts.forEach((k, e) -> texts.put(k, e.encode()));
            writes.putAll(texts);
        }
        for (String key : removes) {
            writes.remove(key);
        }
    }

    @Override
    public Collection<CallEntry> entries() {
        List<CallEntry> out = new ArrayList<>();
        // replicated: every entry is here, read without asking the others
        for (String text : cache.getAdvancedCache().withFlags(Flag.CACHE_MODE_LOCAL).values()) {
            out.add(CallEntry.decode(text));
        }
        return out;
    }

    @Override
    public CallEntry entry(String node, String callId) {
        String text = cache.get(CallEntry.key(node, callId));
        return text == null ? null : CallEntry.decode(text);
    }
}
