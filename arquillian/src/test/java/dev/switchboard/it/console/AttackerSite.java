package dev.switchboard.it.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Another site, for the browser test: a tiny HTTP server on a free port of 127.0.0.1, visited as
 * {@code http://localhost:PORT} (another origin and another site than the console's 127.0.0.1:8180). Its
 * page tries to drop a call on the console three ways and reports to its own server what the browser let
 * its script see; the last try, a form POST, navigates the browser to the console's answer.
 */
final class AttackerSite implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> reports = new ConcurrentHashMap<>();

    private AttackerSite(HttpServer server) {
        this.server = server;
    }

    static AttackerSite start(URI target) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AttackerSite site = new AttackerSite(server);
        server.createContext("/attack.html", ex -> reply(ex, "text/html", page(target)));
        server.createContext("/report", ex -> {
            String query = ex.getRequestURI().getQuery();
            String[] kv = query == null ? new String[0] : query.split("=", 2);
            if (kv.length == 2) {
                site.reports.put(kv[0], kv[1]);
            }
            reply(ex, "text/plain", "ok");
        });
        server.start();
        return site;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String page() {
        return "http://localhost:" + port() + "/attack.html";
    }

    /** What the page reported under {@code key}, waiting for it. */
    String report(String key) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> reports.get(key),
                v -> v != null);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String page(URI target) {
        return """
                <!DOCTYPE html>
                <html><head><title>Win a prize</title></head><body>
                <form id="f" method="POST" action="%1$s"><input type="hidden" name="x" value="1"></form>
                <script>
                const target = '%1$s';
                const report = (k, v) => fetch('/report?' + k + '=' + v);
                fetch(target, { method: 'POST', credentials: 'include', headers: { 'X-Switchboard-Operator': '1' } })
                  .then(r => report('fetch-with-header', 'status-' + r.status), () => report('fetch-with-header', 'blocked'))
                  .then(() => fetch(target, { method: 'POST', credentials: 'include', mode: 'no-cors' }))
                  .then(r => report('no-cors', r.type), () => report('no-cors', 'failed'))
                  .finally(() => document.getElementById('f').submit());
                </script>
                </body></html>
                """.formatted(target);
    }

    private static void reply(HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
