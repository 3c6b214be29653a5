package dev.switchboard.console.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that does not read as the JSON its method takes: 400 {@code {"error": "BADJSON", ...}},
 * no stack trace. A sender's typing mistake is not a server error.
 *
 * <p>On the server a {@link ProcessingException} only comes from reading a request's entity: WildFly's
 * RESTEasy wraps the JSON-B provider's {@link JsonbException} (itself around the parser's
 * {@link JsonParsingException}) in one, and without this mapper its catch-all gives 500 and logs the trace.
 * The message says where the JSON broke, never what it said.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

    /** What the one method with a body takes. */
    private static final String EXPECTED = "PUT priorities/{mode} takes a JSON array of application names,"
            + " e.g. [\"fax\"]";

    @Override
    public Response toResponse(ProcessingException e) {
        return ErrorJson.response(Response.Status.BAD_REQUEST, "BADJSON", message(e));
    }

    static String message(Throwable e) {
        JsonParsingException parsing = find(e, JsonParsingException.class);
        if (parsing != null) {
            JsonLocation at = parsing.getLocation();
            return "the request body is not valid JSON"
                    + (at == null ? "" : " (it breaks at line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")")
                    + "; " + EXPECTED;
        }
        if (find(e, JsonbException.class) != null || find(e, JsonException.class) != null) {
            return "the request body is JSON, but not of the shape this request takes; " + EXPECTED;
        }
        return "the request body could not be read; " + EXPECTED;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
