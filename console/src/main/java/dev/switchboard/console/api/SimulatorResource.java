package dev.switchboard.console.api;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.Simulator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Drives the embedded simulated switch for the demo: place calls, send digits, detect media, hang up.
 * It plays the caller, so it reaches the adapter's simulator ({@link Operator#simulator()}), not the
 * operator's controls.
 */
@Path("sim/calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    @Inject
    Operator adapter;

    /** {@code POST /api/sim/calls?line=line1&media=INTERACTIVEVOICE[&from=+15551234]}. */
    @POST
    public Response place(@QueryParam("line") @DefaultValue("line1") String line,
                          @QueryParam("media") @DefaultValue("INTERACTIVEVOICE") String media,
                          @QueryParam("from") @DefaultValue("sim-caller") String callerId) {
        int mask = MediaModes.parse(media);
        SimulatedCall placed = simulator().placeCall(line, mask, callerId);
        return Response.status(Response.Status.CREATED)
                .entity(new PlacedCall(placed.simulatedCallId(), placed.callId(), line, MediaMode.describe(mask)))
                .build();
    }

    /** {@code POST /api/sim/calls/{id}/digits?d=9}. */
    @POST
    @Path("{id}/digits")
    public Response digits(@PathParam("id") String id, @QueryParam("d") String digits) {
        if (digits == null || digits.isEmpty()) {
            throw new IllegalArgumentException("digits are required, e.g. d=9");
        }
        simulator().sendDigits(id, digits);
        return Response.noContent().build();
    }

    /** {@code POST /api/sim/calls/{id}/media?mode=G3FAX}. */
    @POST
    @Path("{id}/media")
    public Response media(@PathParam("id") String id, @QueryParam("mode") String mode) {
        simulator().detect(id, MediaMode.parse(mode == null ? "" : mode));
        return Response.noContent().build();
    }

    /** {@code POST /api/sim/calls/{id}/hangup}. */
    @POST
    @Path("{id}/hangup")
    public Response hangup(@PathParam("id") String id) {
        simulator().hangUp(id);
        return Response.noContent().build();
    }

    private Simulator simulator() {
        return adapter.simulator().orElseThrow(() -> new SwitchboardException(TapiError.OPERATIONUNAVAIL,
                "the adapter runs no simulated switch (its 'provider' property does not name 'sim'),"
                        + " so there is no call to simulate"));
    }
}
