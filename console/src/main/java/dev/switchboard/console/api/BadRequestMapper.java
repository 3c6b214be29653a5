package dev.switchboard.console.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A bad query parameter (unknown media mode, missing digits) as 400 {@code {"error": "BADREQUEST", "message": "..."}}. */
@Provider
public class BadRequestMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return ErrorJson.response(Response.Status.BAD_REQUEST, "BADREQUEST", e.getMessage());
    }
}
