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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/calls}: every live call with its owners and monitors, unowned ones (R7)
 * included; {@code POST /api/calls/{id}/drop} and {@code POST /api/calls/{id}/assign?app=...}
 * for operators (role {@value ConsoleRoles#OPERATOR}, see WEB-INF/web.xml). In a cluster the list
 * holds every node's calls, each with its {@code node}; {@code ?node=} addresses another node's.
 */
@Path("calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    @Inject
    SwitchboardOperator operator;

    @Context
    SecurityContext security;

    /** Every call of the cluster (this node's alone on a single node), each with the node that holds it. */
    @GET
    public List<CallJson> calls() {
        return operator.clusterCalls().stream().map(CallJson::of).toList();
    }

    /** One call; {@code ?node=} names another node's call, as {@link #calls()} listed it. */
    @GET
    @Path("{id}")
    public CallJson call(@PathParam("id") String id, @QueryParam("node") String node) {
        return find(node, id).orElseThrow(() -> new NotFoundException("no call " + id
                + (node == null ? "" : " on node " + node)));
    }

    /**
     * Drops the call through its line provider; its applications see it go DISCONNECTED and IDLE.
     * Another node's call ({@code ?node=}) is dropped by that node: the answer is 202 Accepted with
     * the call as last listed, and the call leaves the list a moment later.
     */
    @POST
    @Path("{id}/drop")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response drop(@PathParam("id") String id, @QueryParam("node") String node) {
        Optional<CallJson> before = isRemote(node) ? find(node, id) : Optional.empty();
        operator.dropCall(node, id);
        ConsoleLog.dropped(Operator.user(security), named(node, id));
        return answer(node, id, before);
    }

    /** Hands a call (typically an unowned one, R7) to an application that opened its line as OWNER; {@code ?node=} as for drop. */
    @POST
    @Path("{id}/assign")
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public Response assign(@PathParam("id") String id, @QueryParam("app") String app, @QueryParam("node") String node) {
        if (app == null || app.isEmpty()) {
            throw new IllegalArgumentException("the application is required, e.g. app=fax");
        }
        Optional<CallJson> before = isRemote(node) ? find(node, id) : Optional.empty();
        operator.assignOwner(node, id, ApplicationNames.check(app));
        ConsoleLog.assigned(Operator.user(security), named(node, id), app);
        return answer(node, id, before);
    }

    private boolean isRemote(String node) {
        return node != null && !node.equals(operator.node());
    }

    private static String named(String node, String id) {
        return node == null ? id : node + "/" + id;
    }

    /** This node's call as it is now (204 when gone already), or 202 with another node's call as it was. */
    private Response answer(String node, String id, Optional<CallJson> before) {
        if (isRemote(node)) {
            return Response.accepted(before.orElse(null)).build();
        }
        CallJson now = find(null, id).orElse(null);
        return now == null ? Response.noContent().build() : Response.ok(now).build();
    }

    private Optional<CallJson> find(String node, String id) {
        if (!isRemote(node)) {
            return operator.call(id).map(c -> CallJson.of(c, operator.node(), false));
        }
        return operator.clusterCalls().stream()
                .filter(c -> c.node().equals(node) && c.call().callId().equals(id))
                .findFirst().map(CallJson::of);
    }
}
