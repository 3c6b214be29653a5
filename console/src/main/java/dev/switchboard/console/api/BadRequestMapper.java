package dev.switchboard.console.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A bad query parameter (unknown media mode, missing digits) as 400 {@code {"error": "BADREQUEST", "message": "..."}}. */
@Provider
public class BadRequestMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder()
                        .add("error", "BADREQUEST")
                        .add("message", String.valueOf(e.getMessage()))
                        .build().toString())
                .build();
    }
}
