package dev.switchboard.core;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.core.priority.ApplicationNames;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How an application opens lines (TAPI's lineOpen): its name, the lines, its privileges and,
 * as an owner, the media modes it handles with the priority it declares for each (1 = highest).
 *
 * @param name            unique among open applications; see {@link ApplicationNames} for what it may be
 * @param lines           the line names it opens; {@link #ALL_LINES} alone opens every line
 * @param privileges      OWNER, MONITOR or both
 * @param mediaPriorities for OWNER: each handled media mode and its declared priority (&ge; 1)
 */
public record ApplicationSpec(String name, Set<String> lines, Set<Privilege> privileges,
                              Map<MediaMode, Integer> mediaPriorities) {

    /** Stands for every line of every provider. */
    public static final String ALL_LINES = "*";

    public ApplicationSpec {
        ApplicationNames.check(name); // R2, R3: only names the priority store keeps as they are
        if (lines == null || lines.isEmpty()) {
            throw new SwitchboardException(TapiError.INVALLINE, "application '" + name + "' opens no line");
        }
        if (privileges == null || privileges.isEmpty()) {
            throw new SwitchboardException(TapiError.INVALPRIVILEGE,
                    "application '" + name + "' must open its lines as OWNER, MONITOR or both");
        }
        mediaPriorities = mediaPriorities == null ? Map.of() : mediaPriorities;
        if (privileges.contains(Privilege.OWNER) && mediaPriorities.isEmpty()) {
            throw new SwitchboardException(TapiError.INVALMEDIAMODE,
                    "application '" + name + "' opens lines as OWNER but names no media mode");
        }
        if (!privileges.contains(Privilege.OWNER) && !mediaPriorities.isEmpty()) {
            throw new SwitchboardException(TapiError.INVALMEDIAMODE,
                    "application '" + name + "' names media modes " + mediaPriorities.keySet()
                            + " but does not open its lines as OWNER");
        }
        mediaPriorities.forEach((mode, priority) -> {
            if (mode == null || priority == null || priority < 1) {
                throw new SwitchboardException(TapiError.INVALPARAM, "application '" + name
                        + "' declares priority " + priority + " for " + mode + "; priorities start at 1");
            }
        });
        lines = Collections.unmodifiableSet(new LinkedHashSet<>(lines));
        privileges = Collections.unmodifiableSet(EnumSet.copyOf(privileges));
        EnumMap<MediaMode, Integer> priorities = new EnumMap<>(MediaMode.class); // EnumMap(Map) rejects an empty map
        priorities.putAll(mediaPriorities);
        mediaPriorities = Collections.unmodifiableMap(priorities);
    }

    /** An owner of the given modes, each at priority 1, on the given lines. */
    public static ApplicationSpec owner(String name, Set<String> lines, MediaMode... modes) {
        Map<MediaMode, Integer> priorities = new EnumMap<>(MediaMode.class);
        for (MediaMode m : modes) {
            priorities.put(m, 1);
        }
        return new ApplicationSpec(name, lines, EnumSet.of(Privilege.OWNER), priorities);
    }

    /** A monitor of the given lines. */
    public static ApplicationSpec monitor(String name, Set<String> lines) {
        return new ApplicationSpec(name, lines, EnumSet.of(Privilege.MONITOR), Map.of());
    }

    /** Whether this application opens {@code line}. */
    public boolean opens(String line) {
        return lines.contains(ALL_LINES) || lines.contains(line);
    }

    public boolean isOwner() {
        return privileges.contains(Privilege.OWNER);
    }

    public boolean isMonitor() {
        return privileges.contains(Privilege.MONITOR);
    }

    /** The declared priority for {@code mode}, or 0 when it does not own that mode. */
    public int declaredPriority(MediaMode mode) {
        Integer p = mediaPriorities.get(mode);
        return p == null ? 0 : p;
    }
}
