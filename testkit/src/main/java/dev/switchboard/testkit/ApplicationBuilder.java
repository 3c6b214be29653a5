package dev.switchboard.testkit;

import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.core.ApplicationSpec;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Describes an application the way its MDB's activation config does: {@code lines} ({@code *} by
 * default), {@code privileges} and {@code mediaModes} with their priorities; and whether its
 * deliveries run in a transaction, as they do for an MDB with container-managed transactions.
 */
public final class ApplicationBuilder {
    private final SwitchboardTestKit kit;
    private final String name;
    private final Set<String> lines = new LinkedHashSet<>();
    private final Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
    private final Map<MediaMode, Integer> mediaModes = new EnumMap<>(MediaMode.class);
    private boolean transacted;

    ApplicationBuilder(SwitchboardTestKit kit, String name) {
        this.kit = kit;
        this.name = name;
    }

    /** The lines it opens (activation property {@code lines}); every line when never called. */
    public ApplicationBuilder lines(String... lines) {
        this.lines.addAll(List.of(lines));
        return this;
    }

    /** Owner of {@code mode} at {@code priority}, 1 = highest (activation property {@code mediaModes}, {@code G3FAX:1}). */
    public ApplicationBuilder owner(MediaMode mode, int priority) {
        privileges.add(Privilege.OWNER);
        mediaModes.put(Objects.requireNonNull(mode, "mode"), priority);
        return this;
    }

    /** Monitor of its lines (activation property {@code privileges} with {@code MONITOR}). */
    public ApplicationBuilder monitor() {
        privileges.add(Privilege.MONITOR);
        return this;
    }

    /**
     * Each delivery runs in a transaction, as for an MDB whose {@code onCallEvent} is
     * {@code REQUIRED} (the default of container-managed transactions): what the listener does
     * through the kit's connections commits when it returns and rolls back when it throws.
     */
    public ApplicationBuilder transacted() {
        this.transacted = true;
        return this;
    }

    /** The spec the core opens the application with; invalid ones are refused as the adapter refuses them. */
    public ApplicationSpec spec() {
        Set<String> opened = lines.isEmpty() ? Set.of(ApplicationSpec.ALL_LINES) : lines;
        return new ApplicationSpec(name, opened, privileges.isEmpty() ? EnumSet.of(Privilege.OWNER) : privileges,
                mediaModes);
    }

    /** Opens the application with {@code listener} (the MDB instance) receiving its events. */
    public TestApplication open(SwitchboardListener listener) {
        return TestApplication.open(kit, spec(), transacted, Objects.requireNonNull(listener, "listener"));
    }
}
