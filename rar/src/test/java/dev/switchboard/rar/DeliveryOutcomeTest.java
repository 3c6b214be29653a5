package dev.switchboard.rar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a transacted delivery learns that its transaction rolled back (R23) in a container that gives
 * a synchronization registry: through a synchronization, so that the delivery adds no resource of
 * its own to the transaction (which would make every delivery that touches a resource a two-phase
 * commit with a log write), except where the container begins the transaction after beforeDelivery.
 */
class DeliveryOutcomeTest {
    @TempDir
    Path dir;

    private final Fakes.Transactions transactions = new Fakes.Transactions();
    private SwitchboardResourceAdapter ra;

    @BeforeEach
    void start() throws Exception {
        ra = new SwitchboardResourceAdapter();
        ra.setProvider("sim");
        ra.setPriorityFile(dir.resolve("priorities.properties").toString());
        ra.start(Fakes.bootstrap(new Fakes.ImmediateWorkManager(), null, transactions));
    }

    @AfterEach
    void stop() {
        ra.stop();
    }

    @Test
    void onlyTheFirstDeliveryEnlistsAResourceTheRestHearTheOutcomeThroughASynchronization() throws Exception {
        List<CallEvent> got = new CopyOnWriteArrayList<>();
        Fakes.EndpointFactory fax = transacted(got);
        ra.endpointActivation(fax, Fakes.spec("fax", "G3FAX:1"));

        Fakes.placeFax(ra);
        Fakes.placeFax(ra);
        Fakes.placeFax(ra);

        assertThat(got).hasSize(3).allMatch(e -> ((CallStateEvent) e).offersOwnership());
        assertThat(fax.enlisted).containsExactly(true, false, false);
    }

    @Test
    void rollbackHeardThroughTheSynchronizationIsRetriedThenTheCallGoesToTheNextApplication_R23() throws Exception {
        Fakes.EndpointFactory fax = transacted(new CopyOnWriteArrayList<>());
        List<CallEvent> backupGot = new CopyOnWriteArrayList<>();
        ra.endpointActivation(fax, Fakes.spec("fax", "G3FAX:1"));
        ra.endpointActivation(transacted(backupGot), Fakes.spec("backup", "G3FAX:2"));
        assertThat(Fakes.callOf(ra, Fakes.placeFax(ra)).owners()).containsExactly("fax"); // the first delivery learns the container

        fax.rollbackNext = true;
        String sim = Fakes.placeFax(ra);

        assertThat(fax.enlisted).containsExactly(true, false, false, false); // 1 + 1 + deliveryRetries (2)
        assertThat(Fakes.callOf(ra, sim).owners()).containsExactly("backup");
        String callId = Fakes.callOf(ra, sim).callId();
        assertThat(backupGot).anyMatch(e -> e.callId().equals(callId));
    }

    @Test
    void containerThatBeginsTheTransactionLaterKeepsTheEnlistedResourceAndStillReportsRollback_R23() throws Exception {
        Fakes.EndpointFactory fax = transacted(new CopyOnWriteArrayList<>());
        fax.beginsLate = true;
        ra.endpointActivation(fax, Fakes.spec("fax", "G3FAX:1"));
        ra.endpointActivation(transacted(new CopyOnWriteArrayList<>()), Fakes.spec("backup", "G3FAX:2"));
        Fakes.placeFax(ra);

        fax.rollbackNext = true;
        String sim = Fakes.placeFax(ra);

        assertThat(fax.enlisted).containsOnly(true).hasSize(4);
        assertThat(Fakes.callOf(ra, sim).owners()).containsExactly("backup");
    }

    private Fakes.EndpointFactory transacted(List<CallEvent> got) {
        Fakes.EndpointFactory f = new Fakes.EndpointFactory(true, got::add);
        f.transactions = transactions;
        return f;
    }
}
