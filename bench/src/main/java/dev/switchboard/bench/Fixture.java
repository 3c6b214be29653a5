package dev.switchboard.bench;

import dev.switchboard.api.MediaMode;
import dev.switchboard.core.ApplicationSession;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.util.List;
import java.util.Set;

/** A switchboard with one simulated line, as every benchmark uses it. */
final class Fixture implements AutoCloseable {
    static final String LINE = "line-1";
    static final int VOICE = MediaMode.INTERACTIVEVOICE.bit();
    static final int FAX = MediaMode.G3FAX.bit();

    final SimulatedSwitch sim = new SimulatedSwitch(List.of(LINE));
    final Switchboard switchboard = Switchboard.builder().provider(sim).build().start();

    ApplicationSession owner(String name, BenchSink sink, MediaMode... modes) {
        ApplicationSession s = switchboard.open(ApplicationSpec.owner(name, Set.of(LINE), modes), sink);
        sink.attach(s);
        return s;
    }

    ApplicationSession monitor(String name, BenchSink sink) {
        ApplicationSession s = switchboard.open(ApplicationSpec.monitor(name, Set.of(LINE)), sink);
        sink.attach(s);
        return s;
    }

    /** Places a voice call and returns the switch's id for it. */
    String placeVoiceCall() {
        return sim.placeCall(LINE, VOICE, "bench").simulatedCallId();
    }

    @Override
    public void close() {
        switchboard.close();
    }
}
