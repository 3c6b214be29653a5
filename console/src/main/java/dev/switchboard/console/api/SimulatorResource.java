package dev.switchboard.console.api;

import dev.switchboard.api.CallView;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardOperator;
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
import java.util.Optional;

/** Drives the embedded simulated switch: place calls, send digits, detect media, hang up. */
@Path("sim/calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    /** How long {@link #place} waits for the adapter to show the call, to report its call id. */
    private static final long CALL_ID_WAIT_MILLIS = 2_000;

    @Inject
    SwitchboardOperator operator;

    /** {@code POST /api/sim/calls?line=line1&media=INTERACTIVEVOICE[&from=+15551234]}. */
    @POST
    public Response place(@QueryParam("line") @DefaultValue("line1") String line,
                          @QueryParam("media") @DefaultValue("INTERACTIVEVOICE") String media,
                          @QueryParam("from") @DefaultValue("sim-caller") String callerId) {
        int mask = MediaModes.parse(media);
        String simulatedId = operator.placeSimulatedCall(line, mask, callerId);
        String callId = awaitCallId(simulatedId).orElse(null);
        return Response.status(Response.Status.CREATED)
                .entity(new PlacedCall(simulatedId, callId, line, MediaMode.describe(mask)))
                .build();
    }

    /** {@code POST /api/sim/calls/{id}/digits?d=9}. */
    @POST
    @Path("{id}/digits")
    public Response digits(@PathParam("id") String id, @QueryParam("d") String digits) {
        if (digits == null || digits.isEmpty()) {
            throw new IllegalArgumentException("digits are required, e.g. d=9");
        }
        operator.simulateDigits(id, digits);
        return Response.noContent().build();
    }

    /** {@code POST /api/sim/calls/{id}/media?mode=G3FAX}. */
    @POST
    @Path("{id}/media")
    public Response media(@PathParam("id") String id, @QueryParam("mode") String mode) {
        operator.simulateMediaDetected(id, MediaMode.parse(mode == null ? "" : mode));
        return Response.noContent().build();
    }

    /** {@code POST /api/sim/calls/{id}/hangup}. */
    @POST
    @Path("{id}/hangup")
    public Response hangup(@PathParam("id") String id) {
        operator.simulateHangup(id);
        return Response.noContent().build();
    }

    private Optional<String> awaitCallId(String simulatedId) {
        long deadline = System.nanoTime() + CALL_ID_WAIT_MILLIS * 1_000_000;
        while (true) {
            Optional<String> found = operator.calls().stream()
                    .filter(c -> simulatedId.equals(c.providerCallId()))
                    .map(CallView::callId)
                    .findFirst();
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
