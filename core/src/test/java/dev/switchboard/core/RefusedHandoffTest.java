package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.event.CallEvent;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * R23 for a call passed on by a media-mode handoff (R10) whose target's handler refuses it: the call
 * goes on down the handoff's mode order, never back to the refuser, and never to nobody while
 * someone is left. voice owns a voice call and, as R19 says, hands it off by G3FAX and lets go.
 */
class RefusedHandoffTest {
    private final Harness h = Harness.start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static boolean ownerOffer(CallEvent e) {
        return e instanceof CallStateEvent s && s.offersOwnership();
    }

    /** An owner of G3FAX on L1 at {@code priority} whose handler throws on every ownership offer. */
    private Party refusingFax(String name, int priority) {
        return h.open(new ApplicationSpec(name, Set.of(Harness.L1), EnumSet.of(Privilege.OWNER), Map.of(G3FAX, priority)),
                new RecordingSink(name).refuseWhen(RefusedHandoffTest::ownerOffer));
    }

    @Test
    void refusedMediaModeHandoffGoesToTheNextApplicationOfThatMode_R23() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax1 = refusingFax("fax1", 1);
        Party fax2 = h.owner("fax2", G3FAX, 2);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);

        assertThat(voice.session.control().handoffToMediaMode(vh, G3FAX)).isEqualTo(HandoffResult.SUCCESS);
        voice.session.control().deallocate(vh); // R19: SUCCESS means the call was passed on

        assertThat(fax1.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(fax1.session.handles()).isEmpty();
        assertThat(fax2.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,1)");
        assertThat(h.view(call).owners()).containsExactly("fax2");
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,1)", "NUMOWNERINCR(2,1)");
        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "NUMOWNERINCR(2,1)", "NUMOWNERDECR(1,1)",
                "NUMOWNERINCR(2,1)", "NUMOWNERDECR(1,1)");
    }

    @Test
    void repeatedHandoffToTheSameModePassesOverTheApplicationThatRefused_R23() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax1 = refusingFax("fax1", 1);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);

        assertThat(voice.session.control().handoffToMediaMode(vh, G3FAX)).isEqualTo(HandoffResult.SUCCESS);
        assertThat(h.view(call).owners()).as("no other fax application: the caller keeps the call")
                .containsExactly("voice");

        // R19: the prober tries again; fax1 refused this call, so no G3FAX application is left
        assertThat(voice.session.control().handoffToMediaMode(vh, G3FAX)).isEqualTo(HandoffResult.TARGETNOTFOUND);
        assertThat(fax1.events(call)).containsExactly("OFFERING/OWNER");

        // one that opens later is found, although fax1 still comes first in the G3FAX order
        Party fax2 = h.owner("fax2", G3FAX, 2);
        assertThat(h.sb.effectivePriority(Harness.L1, G3FAX)).containsExactly("fax1", "fax2");
        assertThat(voice.session.control().handoffToMediaMode(vh, G3FAX)).isEqualTo(HandoffResult.SUCCESS);
        assertThat(fax2.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(fax1.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(h.view(call).owners()).containsExactly("voice", "fax2");
    }

    @Test
    void refusedHandoffCommittedWithTheCallersDeallocationReachesTheNextApplicationOfThatMode_R23() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax1 = refusingFax("fax1", 1);
        Party fax2 = h.owner("fax2", G3FAX, 2);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);

        UnitOfWork uow = h.sb.beginUnitOfWork("probe");
        assertThat(voice.session.control(uow).handoffToMediaMode(vh, G3FAX)).isEqualTo(HandoffResult.SUCCESS);
        voice.session.control(uow).deallocate(vh);
        uow.commit();

        assertThat(fax1.session.handles()).isEmpty();
        assertThat(fax2.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(h.view(call).owners()).containsExactly("fax2");
        assertThat(voice.session.handles()).as("the call does not come back to voice").isEmpty();
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER");
    }

    @Test
    void refusedHandoffWithNoOneLeftInItsModeIsOfferedByTheCallsOwnModesRatherThanLeftToNobody_R23() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax1 = refusingFax("fax1", 1);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);

        UnitOfWork uow = h.sb.beginUnitOfWork("probe");
        assertThat(voice.session.control(uow).handoffToMediaMode(vh, G3FAX)).isEqualTo(HandoffResult.SUCCESS);
        voice.session.control(uow).deallocate(vh);
        uow.commit();

        // no G3FAX application is left, and nobody owns the call: R4 gives it to the voice owner again,
        // on a new handle, with a fresh OFFERING, so that voice learns the fax never took it
        assertThat(fax1.session.handles()).isEmpty();
        assertThat(h.view(call).owners()).containsExactly("voice");
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "OFFERING/OWNER");
        assertThat(voice.handle(call)).isNotEqualTo(vh);
        assertThat(voice.session.control().handoffToMediaMode(voice.handle(call), G3FAX)).isEqualTo(HandoffResult.TARGETNOTFOUND);
    }

    @Test
    void refusedHandoffSkipsEveryRefuserDownTheModesOrder_R23() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax1 = refusingFax("fax1", 1);
        Party fax2 = refusingFax("fax2", 2);
        Party fax3 = h.owner("fax3", G3FAX, 3);
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle vh = voice.handle(call);

        assertThat(voice.session.control().handoffToMediaMode(vh, G3FAX)).isEqualTo(HandoffResult.SUCCESS);
        voice.session.control().deallocate(vh);

        assertThat(fax1.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(fax2.events(call)).containsExactly("OFFERING/OWNER");
        assertThat(fax3.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,0)");
        assertThat(h.view(call).owners()).containsExactly("fax3");
    }
}
