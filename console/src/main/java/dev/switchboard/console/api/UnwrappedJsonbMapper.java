package dev.switchboard.console.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The same 400 {@code BADJSON} as {@link MalformedJsonMapper}, for servers whose JAX-RS runtime lets the JSON-B
 * provider's {@link JsonbException} through unwrapped: Open Liberty's does (a {@code ["fax"} body gave 500 and the
 * parser's message there), WildFly's wraps it in a ProcessingException. The console's answers are plain records
 * and strings that JSON-B always writes, so a JsonbException here is the sender's body; should writing an answer
 * ever fail, it would show as this 400 instead of a 500 (ConsoleSecurityIT proves the reading side on both).
 */
@Provider
public class UnwrappedJsonbMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return ErrorJson.response(Response.Status.BAD_REQUEST, "BADJSON", MalformedJsonMapper.message(e));
    }
}
