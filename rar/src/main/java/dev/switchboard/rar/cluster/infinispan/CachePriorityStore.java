package dev.switchboard.rar.cluster.infinispan;

import dev.switchboard.api.MediaMode;
import dev.switchboard.core.priority.PriorityStore;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * The administrator's priority lists in a replicated, transactional cache, all of them under one
 * key, so that a save replaces every list at once (R3's all-or-nothing) and is on every node when
 * it returns. Other nodes' saves reach this node's lists through the cache's events (R2).
 */
@Listener
public final class CachePriorityStore implements PriorityStore {
    static final String KEY = "lists";
    private final Cache<String, String> cache;
    private final List<Consumer<Map<MediaMode, List<String>>>> listeners = new CopyOnWriteArrayList<>();

    CachePriorityStore(Cache<String, String> cache) {
        this.cache = cache;
    }

    @Override
    public Map<MediaMode, List<String>> load() {
        return decode(cache.get(KEY));
    }

    @Override
    public void save(Map<MediaMode, List<String>> lists) {
        TransactionManager tm = cache.getAdvancedCache().getTransactionManager();
        try {
            tm.begin();
            try {
                cache.put(KEY, encode(lists));
            } catch (RuntimeException e) {
                tm.setRollbackOnly();
                throw e;
            } finally {
                if (tm.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                    tm.rollback();
                } else {
                    tm.commit();
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("the shared priority lists could not be saved: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("the shared priority lists could not be saved (transaction): " + e, e);
        }
    }

    @Override
    public void onSavedElsewhere(Consumer<Map<MediaMode, List<String>>> listener) {
        listeners.add(listener);
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void saved(CacheEntryEvent<String, String> event) {
        if (event.isPre() || event.isOriginLocal() || !KEY.equals(event.getKey())) {
            return;
        }
        Map<MediaMode, List<String>> lists = decode(event.getValue());
        listeners.forEach(l -> l.accept(lists));
    }

    /** {@code G3FAX=fax,archive&INTERACTIVEVOICE=voice}, each name URL-encoded. */
    static String encode(Map<MediaMode, List<String>> lists) {
        StringBuilder out = new StringBuilder();
        lists.forEach((mode, names) -> {
            if (names.isEmpty()) {
                return;
            }
            List<String> encoded = new ArrayList<>();
            names.forEach(n -> encoded.add(URLEncoder.encode(n, StandardCharsets.UTF_8)));
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(mode.name()).append('=').append(String.join(",", encoded));
        });
        return out.toString();
    }

    static Map<MediaMode, List<String>> decode(String text) {
        Map<MediaMode, List<String>> lists = new EnumMap<>(MediaMode.class);
        if (text == null || text.isEmpty()) {
            return lists;
        }
        for (String part : text.split("&")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException("the shared priority lists hold '" + text + "', which is not"
                        + " MODE=app,app&MODE=app");
            }
            List<String> names = new ArrayList<>();
            for (String n : part.substring(eq + 1).split(",")) {
                names.add(URLDecoder.decode(n, StandardCharsets.UTF_8));
            }
            lists.put(MediaMode.valueOf(part.substring(0, eq)), List.copyOf(names));
        }
        return lists;
    }
}
