package dev.switchboard.console.api;

import dev.switchboard.api.CallView;
import dev.switchboard.api.SwitchboardOperator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/calls}: every live call with its owners and monitors, unowned ones (R7) included. */
@Path("calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    @Inject
    SwitchboardOperator operator;

    @GET
    public List<CallView> calls() {
        return operator.calls();
    }
}
