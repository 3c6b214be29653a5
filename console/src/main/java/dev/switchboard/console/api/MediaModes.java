package dev.switchboard.console.api;

import dev.switchboard.api.MediaMode;
import java.util.List;

/** Reads a media-mode mask from a query parameter. */
final class MediaModes {

    private MediaModes() {
    }

    /**
     * Parses {@code G3FAX}, {@code UNKNOWN,G3FAX}, {@code UNKNOWN|G3FAX} (names, any case) or a
     * number such as {@code 0x22}.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    static int parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a media mode is required, e.g. media=INTERACTIVEVOICE");
        }
        String t = text.trim();
        int mask;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            mask = Integer.parseInt(t.substring(2), 16);
        } else if (Character.isDigit(t.charAt(0))) {
            mask = Integer.parseInt(t);
        } else {
            mask = 0;
            for (String name : t.split("[,|+ ]+")) {
                if (!name.isEmpty()) {
                    mask |= MediaMode.parse(name).bit();
                }
            }
        }
        if (!MediaMode.isValidMask(mask)) {
            throw new IllegalArgumentException("not a media-mode mask: '" + text + "'");
        }
        return mask;
    }

    /** The names of the modes set in {@code mask}, in bit order, e.g. {@code [UNKNOWN, G3FAX]}. */
    static List<String> names(int mask) {
        return MediaMode.setOf(mask).stream().map(MediaMode::name).toList();
    }
}
