package dev.switchboard.console.api;

import dev.switchboard.console.LogText;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a request that changes something may have come from another site (CSRF). Two checks,
 * both needed:
 * <ol>
 * <li>The custom header {@value #HEADER}{@code : 1}. A page of another site cannot send it: a form or a
 * "simple" cross-origin request carries no custom headers, and a {@code fetch} that adds one is first
 * asked about in a CORS preflight, which this server never grants (it sends no
 * {@code Access-Control-Allow-*} headers). The console's page and curl send it.</li>
 * <li>{@code Origin}, or else {@code Referer}, when the browser sends one, must be the server's own origin
 * (scheme, host and port as the request reached it) or one of the configured extra origins (a reverse
 * proxy's public address, {@value #EXTRA_ORIGINS_PROPERTY}). Clients that send neither (curl) pass this
 * check; browsers always send {@code Origin} with a POST, PUT or DELETE.</li>
 * </ol>
 * BASIC credentials a browser has cached are sent with any request to this server, whoever's page made
 * it, so the password alone proves nothing about where a change came from.
 */
final class CrossSiteCheck {
    static final String HEADER = "X-Switchboard-Operator";
    static final String EXTRA_ORIGINS_PROPERTY = "switchboard.console.origins";
    /** Methods that change nothing; everything else is checked. */
    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private CrossSiteCheck() {
    }

    /**
     * @param ownOrigin the server's origin as this request reached it, e.g. {@code http://127.0.0.1:8080}
     * @param extra     more allowed origins, comma-separated, or null
     * @return what is wrong, or null when the request may go on
     */
    static String problem(String method, String origin, String referer, String header, String ownOrigin,
                          String extra) {
        if (SAFE_METHODS.contains(method)) {
            return null;
        }
        String from = origin != null ? origin : referer == null ? null : originOf(referer);
        if (from != null && !allowed(from, ownOrigin, extra)) {
            return "it comes from a page of " + LogText.quoted(origin != null ? origin : referer)
                    + ", not from this server's own origin " + ownOrigin
                    + " (another site's page cannot make changes here; behind a proxy, add its origin to -D"
                    + EXTRA_ORIGINS_PROPERTY + ")";
        }
        if (origin == null && referer != null && from == null) {
            return "its Referer " + LogText.quoted(referer) + " names no origin";
        }
        if (!"1".equals(header)) {
            return "the header '" + HEADER + ": 1' is missing (" + (header == null ? "none sent" : "sent "
                    + LogText.quoted(header)) + "); the console's page sends it, and so must scripts:"
                    + " curl -H '" + HEADER + ": 1' ...";
        }
        return null;
    }

    /** {@code scheme://host[:port]} of a URL, without the default port; null when it has none. */
    static String originOf(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (Exception e) { // URISyntaxException, or a bad port
            return null;
        }
    }

    static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static boolean allowed(String from, String ownOrigin, String extra) {
        String normalized = originOf(from);
        if (normalized == null) {
            return false; // "null" (a sandboxed or file: page) or unreadable
        }
        if (normalized.equals(originOf(ownOrigin))) {
            return true;
        }
        if (extra != null) {
            for (String o : extra.split(",")) {
                if (!o.isBlank() && normalized.equals(originOf(o))) {
                    return true;
                }
            }
        }
        return false;
    }
}
