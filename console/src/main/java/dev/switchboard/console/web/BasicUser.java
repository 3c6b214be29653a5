package dev.switchboard.console.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The user name of an {@code Authorization: Basic ...} header, for the log; the password is never kept. */
final class BasicUser {
    /** Longer headers are not decoded: no user name or password needs that much. */
    static final int MAX_HEADER = 4096;

    private BasicUser() {
    }

    /** The user name as sent (possibly garbage: log it escaped), or null when the header is not BASIC credentials. */
    static String of(String authorization) {
        if (authorization == null || authorization.length() > MAX_HEADER) {
            return null;
        }
        String h = authorization.trim();
        if (!h.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? pair : pair.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
