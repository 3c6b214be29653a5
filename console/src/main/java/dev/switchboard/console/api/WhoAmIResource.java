package dev.switchboard.console.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/**
 * {@code GET /api/whoami}: always needs credentials (WEB-INF/web.xml); the page uses it to check
 * the operator's user name and password before it makes a change.
 */
@Path("whoami")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WhoAmIResource {

    @Context
    SecurityContext security;

    @GET
    public Map<String, Object> whoami() {
        return Map.of("user", security.getUserPrincipal().getName(),
                "operator", security.isUserInRole(ConsoleRoles.OPERATOR));
    }
}
