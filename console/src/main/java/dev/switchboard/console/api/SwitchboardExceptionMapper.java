package dev.switchboard.console.api;

import dev.switchboard.api.SwitchboardException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused operation as {@code {"error": "INVALLINE", "message": "..."}}. */
@Provider
public class SwitchboardExceptionMapper implements ExceptionMapper<SwitchboardException> {

    @Override
    public Response toResponse(SwitchboardException e) {
        Response.Status status = switch (e.error()) {
            case INVALLINE, INVALPARAM, INVALMEDIAMODE, INVALAPPNAME, INVALPRIVILEGE -> Response.Status.BAD_REQUEST;
            case INVALCALLHANDLE -> Response.Status.NOT_FOUND;
            case RESOURCEUNAVAIL, UNINITIALIZED -> Response.Status.SERVICE_UNAVAILABLE;
            default -> Response.Status.CONFLICT;
        };
        return ErrorJson.response(status, e.error().name(), e.getMessage());
    }
}
