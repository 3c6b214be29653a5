package dev.switchboard.console.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/history?limit=50}: the adapter's recent handoffs, rollbacks and unowned calls, newest first. */
@Path("history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    LiveFeed feed;

    @GET
    public List<HistoryEntry> history(@QueryParam("limit") @DefaultValue("50") int limit) {
        return feed.history(Math.max(0, Math.min(limit, LiveFeed.HISTORY_LIMIT)));
    }
}
