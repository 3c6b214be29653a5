package dev.switchboard.console.api;

import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.console.ConsoleLog;
import dev.switchboard.core.priority.ApplicationNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * {@code GET /api/calls}: every live call with its owners and monitors, unowned ones (R7)
 * included; {@code POST /api/calls/{id}/drop} and {@code POST /api/calls/{id}/assign?app=...}
 * for operators (role {@value ConsoleRoles#OPERATOR}, see WEB-INF/web.xml).
 */
@Path("calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    @Inject
    SwitchboardOperator operator;

    @Context
    SecurityContext security;

    @GET
    public List<CallJson> calls() {
        return operator.calls().stream().map(CallJson::of).toList();
    }

    @GET
    @Path("{id}")
    public CallJson call(@PathParam("id") String id) {
        return operator.call(id).map(CallJson::of)
                .orElseThrow(() -> new NotFoundException("no call " + id));
    }

    /** Drops the call through its line provider; its applications see it go DISCONNECTED and IDLE. */
    @POST
    @Path("{id}/drop")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public CallJson drop(@PathParam("id") String id) {
        operator.dropCall(id);
        ConsoleLog.dropped(Operator.user(security), id);
        return current(id);
    }

    /** Hands a call (typically an unowned one, R7) to an application that opened its line as OWNER. */
    @POST
    @Path("{id}/assign")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public CallJson assign(@PathParam("id") String id, @QueryParam("app") String app) {
        if (app == null || app.isEmpty()) {
            throw new IllegalArgumentException("the application is required, e.g. app=fax");
        }
        operator.assignOwner(id, ApplicationNames.check(app));
        ConsoleLog.assigned(Operator.user(security), id, app);
        return current(id);
    }

    /** The call as it is now, or null when it is gone already. */
    private CallJson current(String id) {
        return operator.call(id).map(CallJson::of)
                .orElse(null);
    }
}
