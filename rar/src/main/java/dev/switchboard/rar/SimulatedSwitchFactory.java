package dev.switchboard.rar;

import dev.switchboard.core.sim.SimulatedSwitch;
import dev.switchboard.core.sim.SimulatedSwitchSettings;
import dev.switchboard.core.spi.LineProvider;
import dev.switchboard.core.spi.LineProviderFactory;
import java.util.Map;

/** {@code provider=sim}: the embedded simulated switch, configured by simulatedLines and simulatedHandoff. */
public final class SimulatedSwitchFactory implements LineProviderFactory {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public LineProvider create(Map<String, String> settings) {
        SimulatedSwitchSettings s = SimulatedSwitchSettings.from(settings);
        return new SimulatedSwitch("sim", s.lines(), s.supportsHandoff());
    }
}
