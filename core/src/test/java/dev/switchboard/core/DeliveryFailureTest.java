package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.DATAMODEM;
import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.api.MediaMode.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R23 in the core: a handler that fails to take an offered call does not lose it. */
class DeliveryFailureTest {
    private final Harness h = Harness.start();
    private final Logger logger = Logger.getLogger("dev.switchboard.core");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        logger.removeHandler(capture);
        h.close();
    }

    private static boolean ownerOffer(dev.switchboard.api.event.CallEvent e) {
        return e instanceof CallStateEvent s && s.offersOwnership();
    }

    @Test
    void ownerWhoseHandlerThrowsOnOfferingIsPassedOverForTheNextByPriority_R23() {
        Party first = h.open(ApplicationSpec.owner("first", java.util.Set.of(Harness.L1), G3FAX),
                new RecordingSink("first").refuseWhen(DeliveryFailureTest::ownerOffer));
        Party second = h.owner("second", G3FAX, 2);
        Party third = h.owner("third", G3FAX, 3);
        Party mon = h.monitor("mon");

        TestCall call = h.place(G3FAX);

        assertThat(first.events(call)).containsExactly("OFFERING/OWNER"); // delivered, thrown
        assertThat(first.session.handles()).isEmpty();
        assertThat(second.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(third.sink.all()).isEmpty();
        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "NUMOWNERDECR(0,1)", "NUMOWNERINCR(1,1)");
        assertThat(h.view(call).owners()).containsExactly("second");
        assertThat(logged).anySatisfy(r -> {
            assertThat(r.getMessage()).contains(call.id()).contains("first");
            assertThat(r.getThrown()).hasMessageContaining("refuses");
        });
    }

    @Test
    void callThatEveryOwnerRefusesStaysUnownedAndVisible_R23() {
        Party a = h.open(ApplicationSpec.owner("a", java.util.Set.of(Harness.L1), G3FAX),
                new RecordingSink("a").refuseWhen(DeliveryFailureTest::ownerOffer));
        Party b = h.open(ApplicationSpec.owner("b", java.util.Set.of(Harness.L1), G3FAX),
                new RecordingSink("b").refuseWhen(DeliveryFailureTest::ownerOffer));
        Party mon = h.monitor("mon");

        TestCall call = h.place(G3FAX);

        assertThat(a.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(b.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(h.view(call).isUnowned()).isTrue();
        assertThat(h.view(call).state()).isEqualTo(CallState.OFFERING);
        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR",
                "NUMOWNERDECR(0,1)", "NUMOWNERINCR(1,1)", "NUMOWNERDECR(0,1)");
        // a monitor can still claim it (R7)
        mon.session.control().setPrivilege(mon.handle(call), Privilege.OWNER);
        assertThat(h.view(call).owners()).containsExactly("mon");
    }

    @Test
    void refusedUnknownCallGoesToTheAdaptersProbe_R23() {
        h.open(ApplicationSpec.owner("prober", java.util.Set.of(Harness.L1), UNKNOWN),
                new RecordingSink("prober").refuseWhen(DeliveryFailureTest::ownerOffer));
        Party modem = h.owner("modem", DATAMODEM);
        Party fax = h.owner("fax", G3FAX);

        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, G3FAX, DATAMODEM));

        assertThat(modem.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(fax.sink.all()).isEmpty();
    }

    @Test
    void refusingAHandedOffCallLeavesItWithTheCaller_R23() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.open(ApplicationSpec.owner("fax", java.util.Set.of(Harness.L1), G3FAX),
                new RecordingSink("fax").refuseWhen(DeliveryFailureTest::ownerOffer));
        TestCall call = h.place(INTERACTIVEVOICE);

        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX)).isEqualTo(HandoffResult.SUCCESS);

        assertThat(fax.session.handles()).isEmpty();
        assertThat(h.view(call).owners()).containsExactly("voice");
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,0)");
    }

    @Test
    void failureOnAnyOtherEventIsLoggedAndChangesNothing_R23() {
        Party voice = h.open(ApplicationSpec.owner("voice", java.util.Set.of(Harness.L1), INTERACTIVEVOICE),
                new RecordingSink("voice").refuseWhen(e -> e instanceof DigitEvent d && d.digit() == '2'));
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().monitorDigits(voice.handle(call), true);

        h.sim.sendDigits(call.simId(), "123");

        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "DIGIT 1", "DIGIT 2", "DIGIT 3");
        assertThat(h.view(call).owners()).containsExactly("voice");
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains(call.id()).contains("voice"));
    }
}
