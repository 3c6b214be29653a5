package dev.switchboard.console.api;

import dev.switchboard.api.SwitchboardOperator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/lines}: every line with its provider. */
@Path("lines")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LinesResource {

    @Inject
    SwitchboardOperator operator;

    @GET
    public List<LineJson> lines() {
        return operator.lines().stream().map(LineJson::parse).toList();
    }
}
