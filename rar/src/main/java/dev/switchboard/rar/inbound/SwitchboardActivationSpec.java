package dev.switchboard.rar.inbound;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.log.LogText;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One application's activation configuration: an MDB implementing {@link SwitchboardListener}
 * names itself, its lines, its privileges and its media modes with priorities.
 *
 * <pre>{@code
 * @MessageDriven(activationConfig = {
 *     @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "fax"),
 *     @ActivationConfigProperty(propertyName = "mediaModes", propertyValue = "G3FAX:1,G4FAX:2") })
 * }</pre>
 */
@Activation(messageListeners = SwitchboardListener.class)
public class SwitchboardActivationSpec implements ActivationSpec {

    @ConfigProperty(description = "The application's name, unique among active applications (required).")
    private String applicationName;

    @ConfigProperty(defaultValue = "*", description = "The lines the application opens, comma-separated; * = every line.")
    private String lines = "*";

    @ConfigProperty(defaultValue = "OWNER", description = "OWNER, MONITOR or OWNER,MONITOR.")
    private String privileges = "OWNER";

    @ConfigProperty(description = "For OWNER: the media modes handled, each with its priority (1 = highest),"
            + " e.g. G3FAX:1,G4FAX:2. Mode names as in MediaMode.")
    private String mediaModes;

    private ResourceAdapter resourceAdapter;

    /** Rejects a bad value with a message naming the property and the value. */
    @Override
    public void validate() throws InvalidPropertyException {
        toApplicationSpec();
    }

    /** The core's form of this configuration; throws as {@link #validate()} does. */
    public ApplicationSpec toApplicationSpec() throws InvalidPropertyException {
        if (applicationName == null || applicationName.isBlank()) {
            throw invalid("applicationName " + quoted(applicationName) + " is required and may not be blank");
        }
        String app = applicationName.trim();
        if (app.contains(",") || app.contains(";") || app.contains("=")) {
            throw invalid("applicationName " + quoted(applicationName) + " may not contain ',', ';' or '='");
        }
        Set<String> lineSet = parseLines(app);
        Set<Privilege> privilegeSet = parsePrivileges(app);
        Map<MediaMode, Integer> priorities = parseMediaModes(app, privilegeSet);
        try {
            return new ApplicationSpec(app, lineSet, privilegeSet, priorities);
        } catch (SwitchboardException e) {
            throw invalid("application " + quoted(app) + ": " + e.getMessage());
        }
    }

    private Set<String> parseLines(String app) throws InvalidPropertyException {
        String value = lines == null || lines.isBlank() ? "*" : lines;
        Set<String> set = new LinkedHashSet<>();
        for (String l : value.split(",")) {
            if (l.isBlank()) {
                throw invalid("lines " + quoted(value) + " of application " + quoted(app) + " has an empty line name");
            }
            set.add(l.trim());
        }
        if (set.contains("*") && set.size() > 1) {
            throw invalid("lines " + quoted(value) + " of application " + quoted(app)
                    + ": '*' means every line and stands alone");
        }
        return set;
    }

    private Set<Privilege> parsePrivileges(String app) throws InvalidPropertyException {
        String value = privileges == null || privileges.isBlank() ? "OWNER" : privileges;
        Set<Privilege> set = EnumSet.noneOf(Privilege.class);
        for (String p : value.split(",")) {
            try {
                set.add(Privilege.valueOf(p.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid("privileges " + quoted(value) + " of application " + quoted(app) + ": " + quoted(p.trim())
                        + " is not OWNER or MONITOR");
            }
        }
        return set;
    }

    private Map<MediaMode, Integer> parseMediaModes(String app, Set<Privilege> privilegeSet) throws InvalidPropertyException {
        Map<MediaMode, Integer> map = new EnumMap<>(MediaMode.class);
        boolean owner = privilegeSet.contains(Privilege.OWNER);
        if (mediaModes == null || mediaModes.isBlank()) {
            if (owner) {
                throw invalid("mediaModes " + quoted(mediaModes == null ? "" : mediaModes) + " of application "
                        + quoted(app) + ": an OWNER must name its media modes, e.g. G3FAX:1,G4FAX:2");
            }
            return map;
        }
        if (!owner) {
            throw invalid("mediaModes " + quoted(mediaModes) + " of application " + quoted(app)
                    + ": only an application with privilege OWNER names media modes");
        }
        for (String entry : mediaModes.split(",")) {
            String[] parts = entry.trim().split(":", -1);
            if (parts.length != 2) {
                throw invalid("mediaModes " + quoted(mediaModes) + " of application " + quoted(app) + ": entry "
                        + quoted(entry.trim()) + " is not MODE:PRIORITY, e.g. G3FAX:1");
            }
            MediaMode mode;
            try {
                mode = MediaMode.parse(parts[0]);
            } catch (IllegalArgumentException e) {
                throw invalid("mediaModes " + quoted(mediaModes) + " of application " + quoted(app) + ": "
                        + LogText.of(e.getMessage()));
            }
            int priority;
            try {
                priority = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                priority = 0;
            }
            if (priority < 1) {
                throw invalid("mediaModes " + quoted(mediaModes) + " of application " + quoted(app) + ": priority "
                        + quoted(parts[1].trim()) + " of " + mode + " is not a whole number >= 1");
            }
            if (map.put(mode, priority) != null) {
                throw invalid("mediaModes " + quoted(mediaModes) + " of application " + quoted(app) + " names " + mode
                        + " twice");
            }
        }
        return map;
    }

    /**
     * A configured value in quotes for an error message: escaped and cut ({@link LogText}), since the
     * message reaches the server log and a name with a line break or an ESC must not forge or garble it.
     */
    private static String quoted(String value) {
        return "'" + LogText.of(value) + "'";
    }

    private static InvalidPropertyException invalid(String message) {
        return new InvalidPropertyException("Switchboard activation config refused: " + message);
    }

    public String getApplicationName() { return applicationName; }
    public void setApplicationName(String applicationName) { this.applicationName = applicationName; }
    public String getLines() { return lines; }
    public void setLines(String lines) { this.lines = lines; }
    public String getPrivileges() { return privileges; }
    public void setPrivileges(String privileges) { this.privileges = privileges; }
    public String getMediaModes() { return mediaModes; }
    public void setMediaModes(String mediaModes) { this.mediaModes = mediaModes; }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    @Override
    public String toString() {
        return "SwitchboardActivationSpec[applicationName=" + LogText.of(applicationName) + ", lines="
                + LogText.of(lines) + ", privileges=" + LogText.of(privileges) + ", mediaModes=" + LogText.of(mediaModes)
                + "]";
    }
}
