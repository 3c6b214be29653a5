package dev.switchboard.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.MediaMode;
import dev.switchboard.core.ApplicationSpec;
import dev.switchboard.core.Switchboard;
import dev.switchboard.core.sim.SimulatedSwitch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Priority lists over a store the nodes of a cluster share: an edit on one node holds on all (R2, R3). */
class SharedPriorityListsTest {

    /** One shared set of lists, as a replicated cache keeps it; each node gets its own view, told of the others' saves. */
    static final class SharedStore {
        private volatile Map<MediaMode, List<String>> saved = Map.of();
        private final List<NodeView> views = new CopyOnWriteArrayList<>();

        NodeView node() {
            NodeView v = new NodeView();
            views.add(v);
            return v;
        }

        final class NodeView implements PriorityStore {
            private final List<Consumer<Map<MediaMode, List<String>>>> listeners = new CopyOnWriteArrayList<>();

            @Override
            public Map<MediaMode, List<String>> load() {
                return saved;
            }

            @Override
            public void save(Map<MediaMode, List<String>> lists) {
                saved = PriorityLists.deepCopy(lists);
                for (NodeView other : views) {
                    if (other != this) {
                        other.listeners.forEach(l -> l.accept(saved));
                    }
                }
            }

            @Override
            public void onSavedElsewhere(Consumer<Map<MediaMode, List<String>>> listener) {
                listeners.add(listener);
            }
        }
    }

    @Test
    void anEditOnOneNodeHoldsOnEveryNodeAtOnce_R2() {
        SharedStore store = new SharedStore();
        PriorityLists a = new PriorityLists(store.node());
        PriorityLists b = new PriorityLists(store.node());
        int[] changes = {0};
        b.onChange(() -> changes[0]++);

        a.setList(MediaMode.G3FAX, List.of("fax", "archive"));
        a.insertFirst(MediaMode.INTERACTIVEVOICE, "voice");

        assertThat(b.list(MediaMode.G3FAX)).containsExactly("fax", "archive");
        assertThat(b.position(MediaMode.INTERACTIVEVOICE, "voice")).isEqualTo(1);
        assertThat(changes[0]).as("b dropped its cached orders after each edit").isEqualTo(2);

        b.remove(MediaMode.G3FAX, "fax");
        assertThat(a.list(MediaMode.G3FAX)).containsExactly("archive");
    }

    @Test
    void theListsOutliveTheNodeThatEditedThem_R3() {
        SharedStore store = new SharedStore();
        PriorityLists a = new PriorityLists(store.node());
        a.setList(MediaMode.G3FAX, List.of("fax"));

        PriorityLists joining = new PriorityLists(store.node());

        assertThat(joining.all()).isEqualTo(Map.of(MediaMode.G3FAX, List.of("fax")));
    }

    @Test
    void anotherNodesEditChangesWhichApplicationThisNodeOffersACallTo_R2() {
        SharedStore store = new SharedStore();
        Switchboard a = Switchboard.builder().provider(new SimulatedSwitch(List.of("line1")))
                .priorityStore(store.node()).build().start();
        Switchboard b = Switchboard.builder().provider(new SimulatedSwitch(List.of("line1")))
                .priorityStore(store.node()).build().start();
        try {
            for (Switchboard sb : List.of(a, b)) {
                sb.open(ApplicationSpec.owner("fax", Set.of("line1"), MediaMode.G3FAX), e -> { });
                sb.open(ApplicationSpec.owner("archive", Set.of("line1"), MediaMode.G3FAX), e -> { });
            }
            assertThat(b.effectivePriority("line1", MediaMode.G3FAX)).first().isEqualTo("fax");

            a.priorityLists().setList(MediaMode.G3FAX, List.of("archive"));

            assertThat(b.effectivePriority("line1", MediaMode.G3FAX)).first().isEqualTo("archive");
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void aSharedSaveWithNoListsEmptiesThisNodesLists_R2() {
        SharedStore store = new SharedStore();
        PriorityLists a = new PriorityLists(store.node());
        PriorityLists b = new PriorityLists(store.node());
        a.setList(MediaMode.G3FAX, List.of("fax"));
        a.setList(MediaMode.G3FAX, List.of());
        assertThat(b.all()).isEmpty();
    }
}
