package dev.switchboard.console.api;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardOperator;
import dev.switchboard.console.ConsoleLog;
import dev.switchboard.core.priority.ApplicationNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/priorities}: every media mode's administrator list and effective order per
 * line (R1). {@code PUT /api/priorities/{mode}} with a JSON array of application names replaces
 * the administrator's list; the adapter saves it to its priority file at once (R3).
 */
@Path("priorities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PrioritiesResource {

    /** More names than any media mode has applications: a longer list is a mistake or an attack. */
    static final int MAX_NAMES = 100;

    @Inject
    SwitchboardOperator operator;

    @Inject
    LiveFeed feed;

    @Context
    SecurityContext security;

    @GET
    public List<PriorityJson> all() {
        List<String> lines = lineNames();
        List<PriorityJson> all = new ArrayList<>();
        for (MediaMode mode : MediaMode.values()) {
            all.add(of(mode, lines));
        }
        return all;
    }

    @GET
    @Path("{mode}")
    public PriorityJson one(@PathParam("mode") String mode) {
        return of(MediaMode.parse(mode), lineNames());
    }

    @PUT
    @Path("{mode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ConsoleRoles.OPERATOR)
    public PriorityJson replace(@PathParam("mode") String mode, List<String> applications) {
        MediaMode m = MediaMode.parse(mode);
        List<String> list = checked(applications);
        operator.setPriorityList(m, list);
        ConsoleLog.prioritiesSet(Operator.user(security), m, list);
        PriorityJson now = of(m, lineNames());
        feed.priorities(now);
        return now;
    }

    /**
     * The list as sent, each name checked here by the core's own rule ({@link ApplicationNames}: 1 to 64
     * visible characters, no {@code , ; =}, no control characters, no padding) so that a bad name is refused
     * with 400 and INVALAPPNAME naming the problem before anything reaches the priority store. Names are
     * never trimmed or otherwise repaired.
     */
    static List<String> checked(List<String> applications) {
        if (applications == null) {
            throw new IllegalArgumentException("a JSON array of application names is required, e.g. [\"fax\"]");
        }
        if (applications.size() > MAX_NAMES) {
            throw new IllegalArgumentException("a priority list holds at most " + MAX_NAMES + " names, not "
                    + applications.size());
        }
        List<String> names = new ArrayList<>();
        for (String name : applications) {
            ApplicationNames.check(name);
            if (names.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is in the list twice");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private PriorityJson of(MediaMode mode, List<String> lines) {
        Map<String, List<String>> effective = new LinkedHashMap<>();
        for (String line : lines) {
            effective.put(line, operator.effectivePriority(line, mode));
        }
        return new PriorityJson(mode.name(), mode.bit(), operator.priorityList(mode), effective);
    }

    private List<String> lineNames() {
        return operator.lines().stream().map(l -> LineJson.parse(l).name()).toList();
    }
}
