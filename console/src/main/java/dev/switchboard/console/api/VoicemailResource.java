package dev.switchboard.console.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/voicemail}: the messages callers left, newest first, from the directory that
 * {@link VoicemailFolder} names. Read-only, and open like every other reading of the console; it
 * lists the files and serves no audio.
 */
@Path("voicemail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VoicemailResource {

    @GET
    public List<VoicemailJson> voicemails() {
        return VoicemailFolder.list(VoicemailFolder.current());
    }
}
