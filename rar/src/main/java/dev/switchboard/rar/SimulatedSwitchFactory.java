package dev.switchboard.rar;

import dev.switchboard.core.sim.SimulatedSwitch;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.LineProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code provider=sim}: the embedded simulated switch, configured by simulatedLines and simulatedHandoff. */
public final class SimulatedSwitchFactory implements LineProviderFactory {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public LineProvider create(Map<String, String> settings) {
        String linesValue = settings.getOrDefault("simulatedLines", SwitchboardResourceAdapter.DEFAULT_SIMULATED_LINES);
        List<String> lines = new ArrayList<>();
        for (String l : linesValue.split(",")) {
            String line = l.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("*") || lines.contains(line)) {
                throw new IllegalArgumentException("simulatedLines '" + linesValue + "': line '" + line
                        + "' is reserved or named twice");
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("simulatedLines '" + linesValue + "' names no line");
        }
        String handoff = settings.getOrDefault("simulatedHandoff", "true");
        return new SimulatedSwitch("sim", lines, Boolean.parseBoolean(handoff));
    }
}
