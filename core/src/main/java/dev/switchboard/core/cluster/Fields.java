package dev.switchboard.core.cluster;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flat text form for the values the nodes share: {@code key=value&key=value}, each part
 * URL-encoded, a list's items encoded one by one and joined by ','. Shared caches keep plain
 * Strings because every cache marshaller stores them without a schema, and a text entry can be
 * read by an operator.
 */
final class Fields {
    private final StringBuilder out = new StringBuilder();

    Fields put(String key, String value) {
        if (value != null) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(enc(key)).append('=').append(enc(value));
        }
        return this;
    }

    Fields putList(String key, List<String> values) {
        List<String> encoded = new ArrayList<>();
        values.forEach(v -> encoded.add(enc(v)));
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(enc(key)).append('=').append(String.join(",", encoded));
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** The fields of {@code text}, in order; a part without '=' is refused, naming the text. */
    static Map<String, String> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return fields;
        }
        for (String part : text.split("&")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("shared entry part '" + part + "' has no '=' (entry: " + text + ")");
            }
            fields.put(dec(part.substring(0, eq)), part.substring(eq + 1));
        }
        return fields;
    }

    /** A single value as {@link #parse} left it, decoded; null stays null. */
    static String value(String raw) {
        return raw == null ? null : dec(raw);
    }

    /** A list as {@link #putList} wrote it. */
    static List<String> list(String raw) {
        List<String> values = new ArrayList<>();
        if (raw != null && !raw.isEmpty()) {
            for (String item : raw.split(",")) {
                values.add(dec(item));
            }
        }
        return List.copyOf(values);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
