package dev.switchboard.console.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/events}: server-sent events. {@code call} (an operator event about a call and the
 * call then, or null when gone), {@code history} (a new history line), {@code stats} (the counters, at
 * once, after each handoff and every second), {@code priorities} (a mode's lists after an operator
 * changed them).
 */
@Path("events")
@RequestScoped
public class EventsResource {

    @Inject
    LiveFeed feed;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(@Context SseEventSink sink, @Context Sse sse) {
        feed.subscribe(sse, sink);
    }
}
