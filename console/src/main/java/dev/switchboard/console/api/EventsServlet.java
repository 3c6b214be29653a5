package dev.switchboard.console.api;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/events}: server-sent events. {@code call} (an operator event about a call and the
 * call then, or null when gone), {@code history} (a new history line), {@code stats} (the counters, at
 * once, after each handoff and every second), {@code priorities} (a mode's lists after an operator
 * changed them).
 *
 * <p>A servlet of its own, beside the Jakarta REST application at {@code /api/*} (an exact path wins
 * over a prefix): see {@link EventStream} for why the stream is not a REST resource.
 */
@WebServlet(urlPatterns = "/api/events", asyncSupported = true)
public class EventsServlet extends HttpServlet {

    @Inject
    LiveFeed feed;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!feed.hasRoom()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ErrorJson.text("BUSY", "the console serves at most "
                    + LiveFeed.MAX_STREAMS + " live views at once; close one and try again"));
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Accel-Buffering", "no"); // a proxy in front must not hold events back
        response.flushBuffer(); // the browser sees the stream open (EventSource onopen) before any event
        AsyncContext async = request.startAsync();
        feed.subscribe(async, response.getOutputStream());
    }
}
