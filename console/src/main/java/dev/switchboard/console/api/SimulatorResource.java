package dev.switchboard.console.api;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.console.ConsoleLog;
import dev.switchboard.console.LogText;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.Simulator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;

/**
 * Drives the embedded simulated switch for the demo: place calls, send digits, detect media, talk, hang up,
 * and tell what a caller heard.
 * It plays the caller, so it reaches the adapter's simulator ({@link Operator#simulator()}), not the
 * operator's controls. For operators only (WEB-INF/web.xml and {@code @RolesAllowed}), and only when
 * {@link SimulatorSetting} is on: otherwise 404 saying how to switch it on.
 */
@Path("sim/calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ConsoleRoles.OPERATOR)
public class SimulatorResource {
    /** The longest the simulated caller talks in one request: a voicemail's maximum, and then some. */
    static final Duration MAX_SPEECH = Duration.ofMinutes(5);

    @Inject
    Operator adapter;

    @Context
    SecurityContext security;

    /** {@code POST /api/sim/calls?line=line1&media=INTERACTIVEVOICE[&from=+15551234]}. */
    @POST
    public Response place(@QueryParam("line") @DefaultValue("line1") String line,
                          @QueryParam("media") @DefaultValue("INTERACTIVEVOICE") String media,
                          @QueryParam("from") @DefaultValue("sim-caller") String callerId) {
        Simulator simulator = simulator();
        int mask = MediaModes.parse(media);
        SimulatedCall placed = simulator.placeCall(line, mask, callerId);
        ConsoleLog.simulated(Operator.user(security), "placed " + placed.simulatedCallId() + " (call "
                + placed.callId() + ") on line " + LogText.quoted(line) + ", " + MediaMode.describe(mask));
        return Response.status(Response.Status.CREATED)
                .entity(new PlacedCall(placed.simulatedCallId(), placed.callId(), line, MediaMode.describe(mask)))
                .build();
    }

    /** {@code POST /api/sim/calls/{id}/digits?d=9}. */
    @POST
    @Path("{id}/digits")
    public Response digits(@PathParam("id") String id, @QueryParam("d") String digits) {
        Simulator simulator = live(id);
        if (digits == null || digits.isEmpty()) {
            throw new IllegalArgumentException("digits are required, e.g. d=9");
        }
        simulator.sendDigits(id, digits);
        ConsoleLog.simulated(Operator.user(security), id + " pressed " + LogText.quoted(digits));
        return Response.noContent().build();
    }

    /** {@code POST /api/sim/calls/{id}/media?mode=G3FAX}. */
    @POST
    @Path("{id}/media")
    public Response media(@PathParam("id") String id, @QueryParam("mode") String mode) {
        Simulator simulator = live(id);
        MediaMode detected = MediaMode.parse(mode == null ? "" : mode);
        simulator.detect(id, detected);
        ConsoleLog.simulated(Operator.user(security), id + " sent " + detected);
        return Response.noContent().build();
    }

    /**
     * {@code GET /api/sim/calls/{id}}: what the simulated caller heard so far and the call it is bridged to,
     * for a demo without a phone (the switch forgets both when the call ends: 404 then).
     */
    @GET
    @Path("{id}")
    public SimulatedCallJson call(@PathParam("id") String id) {
        Simulator simulator = live(id);
        return new SimulatedCallJson(id, simulator.played(id), simulator.bridgedTo(id).orElse(null));
    }

    /** {@code POST /api/sim/calls/{id}/speak?ms=2000}: the caller talks (recordings of the call hear a tone). */
    @POST
    @Path("{id}/speak")
    public Response speak(@PathParam("id") String id, @QueryParam("ms") @DefaultValue("2000") long millis) {
        Simulator simulator = live(id);
        if (millis < 1 || millis > MAX_SPEECH.toMillis()) {
            throw new IllegalArgumentException("ms=" + millis + ": the caller talks 1 to " + MAX_SPEECH.toMillis()
                    + " ms at a time");
        }
        simulator.speak(id, Duration.ofMillis(millis));
        ConsoleLog.simulated(Operator.user(security), id + " talked for " + millis + " ms");
        return Response.noContent().build();
    }

    /** {@code POST /api/sim/calls/{id}/hangup}. */
    @POST
    @Path("{id}/hangup")
    public Response hangup(@PathParam("id") String id) {
        live(id).hangUp(id);
        ConsoleLog.simulated(Operator.user(security), id + " hung up");
        return Response.noContent().build();
    }

    /** The simulator, when {@code id} is one of its live calls; 404 otherwise. */
    private Simulator live(String id) {
        Simulator simulator = simulator();
        if (!simulator.liveCalls().contains(id)) {
            throw new SwitchboardException(TapiError.INVALCALLHANDLE, "no live simulated call " + LogText.quoted(id)
                    + " (ids come from placing a call, e.g. sim-1; a call that was hung up or dropped is gone)");
        }
        return simulator;
    }

    private Simulator simulator() {
        if (!SimulatorSetting.on()) {
            throw new WebApplicationException(ErrorJson.response(Response.Status.NOT_FOUND, "SIMULATOROFF",
                    SimulatorSetting.OFF));
        }
        return adapter.simulator().orElseThrow(() -> new SwitchboardException(TapiError.OPERATIONUNAVAIL,
                "the adapter runs no simulated switch (its 'provider' property does not name 'sim'),"
                        + " so there is no call to simulate"));
    }
}
