package dev.switchboard.core;

import dev.switchboard.api.CallState;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * A switchboard over one {@link ScriptedProvider} line, S1, with time that passes only when the
 * test advances it: the test plays the line, reporting how each media operation, transfer or call
 * made ends, and sees exactly what the core asked of the line.
 */
final class ScriptedLine implements AutoCloseable {
    static final String LINE = "S1";

    final ManualTime time = new ManualTime();
    final ScriptedProvider line;
    final Switchboard sb;

    ScriptedLine() {
        this(new ScriptedProvider("script", List.of(LINE)));
    }

    ScriptedLine(ScriptedProvider line, ScriptedProvider... more) {
        this.line = line;
        Switchboard.Builder b = Switchboard.builder().provider(line)
                .providerThreads(Runnable::run, ForkJoinPool.commonPool(), time).clock(time.clock());
        for (ScriptedProvider p : more) {
            b.provider(p);
        }
        this.sb = b.build().start();
    }

    Party owner(String name, MediaMode... modes) {
        return open(ApplicationSpec.owner(name, Set.of(ApplicationSpec.ALL_LINES), modes));
    }

    Party ownerAndMonitor(String name, MediaMode mode) {
        return open(new ApplicationSpec(name, Set.of(ApplicationSpec.ALL_LINES),
                EnumSet.of(Privilege.OWNER, Privilege.MONITOR), Map.of(mode, 1)));
    }

    Party monitor(String name) {
        return open(ApplicationSpec.monitor(name, Set.of(ApplicationSpec.ALL_LINES)));
    }

    Party open(ApplicationSpec spec) {
        RecordingSink sink = new RecordingSink(spec.name());
        return new Party(spec.name(), sb.open(spec, sink), sink);
    }

    /** A call arriving on S1, still OFFERING. */
    TestCall offer(MediaMode mode) {
        return offer(line, mode);
    }

    TestCall offer(ScriptedProvider on, MediaMode mode) {
        String[] ids = on.newCall(on.lines().get(0), mode.bit());
        return new TestCall(ids[0], ids[1]);
    }

    /** A call arriving on S1 and answered. */
    TestCall connected(MediaMode mode) {
        TestCall c = offer(mode);
        line.state(c.simId(), CallState.CONNECTED);
        return c;
    }

    void advance(Duration d) {
        time.advance(d);
    }

    /** A WAV prompt of {@code millis} ms of silence (8 kHz, 16-bit) in {@code dir}. */
    static Path wav(Path dir, String name, int millis) throws java.io.IOException {
        Path file = dir.resolve(name);
        dev.switchboard.core.media.AudioFiles.writeWav(file, new short[millis * 8], 8000f);
        return file;
    }

    @Override
    public void close() {
        sb.close();
    }
}
