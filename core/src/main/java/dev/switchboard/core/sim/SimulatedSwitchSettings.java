package dev.switchboard.core.sim;

import dev.switchboard.core.spi.SettingsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated switch's configuration ({@code provider=sim}), read from the adapter's properties
 * and checked; every problem names the property and the value. It owns the defaults: nothing else
 * decides what an unset {@code simulated*} property means.
 *
 * @param lines           the switch's lines
 * @param supportsHandoff false makes every handoff on these lines fail with OPERATIONUNAVAIL (R13)
 */
public record SimulatedSwitchSettings(List<String> lines, boolean supportsHandoff) {
    public static final String LINES = "simulatedLines";
    public static final String HANDOFF = "simulatedHandoff";

    public static final String DEFAULT_LINES = "line1,line2";
    public static final String DEFAULT_HANDOFF = "true";

    public SimulatedSwitchSettings {
        lines = List.copyOf(lines);
    }

    /** Reads the settings; unset ones take the defaults above. */
    public static SimulatedSwitchSettings from(Map<String, String> settings) {
        SettingsReader read = new SettingsReader(settings);
        String value = read.text(LINES, DEFAULT_LINES);
        List<String> lines = new ArrayList<>();
        for (String l : value.split(",")) {
            String line = l.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("*") || lines.contains(line)) {
                throw new IllegalArgumentException(LINES + " '" + value + "': line '" + line
                        + "' is reserved or named twice");
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(LINES + " '" + value + "' names no line");
        }
        return new SimulatedSwitchSettings(lines, read.flag(HANDOFF, DEFAULT_HANDOFF));
    }
}
