package dev.switchboard.console.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The console's error body, {@code {"error": "BADJSON", "message": "..."}}, with its status. */
public final class ErrorJson {

    private ErrorJson() {
    }

    /** The JSON text alone, for a servlet that writes it itself. */
    public static String text(String error, String message) {
        return Json.createObjectBuilder()
                .add("error", error)
                .add("message", String.valueOf(message))
                .build().toString();
    }

    static Response response(Response.Status status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(text(error, message)).build();
    }
}
