package dev.switchboard.console.api;

import dev.switchboard.console.ConsoleLog;
import dev.switchboard.console.web.SourceLimiter;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Refuses every request that changes something (any method but GET, HEAD, OPTIONS) and may come from
 * another site's page, with 403 {@code {"error": "CROSSSITE", "message": "..."}} saying why; see
 * {@link CrossSiteCheck} for the two checks. It runs before any resource is matched, so no path and no
 * method escapes it, and after the server's BASIC check (an unauthenticated change still gets 401 first).
 * Each refusal is logged (SWB4012), at most once a minute per source address, with a count of the rest.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CrossSiteGuard implements ContainerRequestFilter {
    /** The header every change must carry, with the value 1. */
    public static final String HEADER = CrossSiteCheck.HEADER;

    private final SourceLimiter logLimit = new SourceLimiter(SourceLimiter.DEFAULT_INTERVAL_MILLIS);

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (CrossSiteCheck.SAFE_METHODS.contains(method)) {
            return;
        }
        URI base = request.getUriInfo().getBaseUri();
        String problem = CrossSiteCheck.problem(method, request.getHeaderString("Origin"),
                request.getHeaderString("Referer"), request.getHeaderString(CrossSiteCheck.HEADER),
                CrossSiteCheck.origin(base.getScheme(), base.getHost(), base.getPort()),
                System.getProperty(CrossSiteCheck.EXTRA_ORIGINS_PROPERTY));
        if (problem == null) {
            return;
        }
        String address = servletRequest == null ? null : servletRequest.getRemoteAddr();
        long unlogged = logLimit.admit(String.valueOf(address), System.currentTimeMillis());
        if (unlogged >= 0) {
            ConsoleLog.crossSiteRefused(address, method, path(request.getUriInfo()), problem, unlogged,
                    logLimit.intervalSeconds());
        }
        request.abortWith(ErrorJson.response(Response.Status.FORBIDDEN, "CROSSSITE",
                "refused as a possible cross-site request: " + problem));
    }

    private static String path(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}
