package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.DATAMODEM;
import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallInfoReason;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.event.CallInfoEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three reasons for a handoff in TAPI's "Handoffs" article (docs/rules.md), played end to end. */
class SeedScenariosTest {
    private final Harness h = Harness.start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** The current owner lets go as soon as it sees the owner count rise. */
    private static void letsGoWhenOwnersRise(Party p) {
        p.sink.onEvent(e -> {
            if (e instanceof CallInfoEvent i && i.reason() == CallInfoReason.NUMOWNERINCR) {
                p.session.control().deallocate(i.handle());
            }
        });
    }

    @Test
    void userCommandTargetClaimsAndCurrentOwnerSeesOwnerCountRiseAndLetsGo_R12_R14_R15() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party data = h.ownerAndMonitor("data", DATAMODEM);
        letsGoWhenOwnersRise(voice);
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().answer(voice.handle(call));

        // the user tells the data application to take the voice call
        data.session.control().setPrivilege(data.handle(call), Privilege.OWNER);

        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "CONNECTED", "NUMOWNERINCR(2,0)",
                "NUMMONITORS(2,0)");
        assertThat(voice.session.handles()).isEmpty();
        assertThat(data.events(call)).containsExactly("OFFERING/MONITOR", "CONNECTED", "NUMOWNERDECR(1,0)");
        assertThat(h.view(call).owners()).containsExactly("data");
        data.session.control().setMediaMode(data.handle(call), DATAMODEM.bit());
        assertThat(h.view(call).mediaModes()).isEqualTo(DATAMODEM.bit());
    }

    @Test
    void userCommandCurrentOwnerHandsOffToTheNamedApplication_R9_R12() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party data = h.owner("data", DATAMODEM);
        TestCall call = h.place(INTERACTIVEVOICE);

        assertThat(voice.session.control().handoffToApplication(voice.handle(call), "data")).isEqualTo(HandoffResult.SUCCESS);
        voice.session.control().deallocate(voice.handle(call));

        assertThat(data.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,0)");
        assertThat(h.view(call).owners()).containsExactly("data");
    }

    @Test
    void mediaTypeChangeMonitorDetectsFaxAndClaims_R17_R14() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.ownerAndMonitor("fax", G3FAX);
        letsGoWhenOwnersRise(voice);
        fax.sink.onEvent(e -> {
            if (e instanceof MediaDetectedEvent d && d.mode() == G3FAX) {
                fax.session.control().setPrivilege(d.handle(), Privilege.OWNER);
                fax.session.control().setMediaMode(d.handle(), G3FAX.bit());
            }
        });
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().answer(voice.handle(call));
        fax.session.control().monitorMedia(fax.handle(call), G3FAX.bit());

        h.sim.detect(call.simId(), G3FAX); // the caller sends a fax calling tone

        assertThat(fax.events(call)).containsExactly("OFFERING/MONITOR", "CONNECTED", "DETECTED G3FAX",
                "NUMOWNERDECR(1,0)");
        assertThat(voice.session.handles()).isEmpty();
        assertThat(h.view(call).owners()).containsExactly("fax");
        assertThat(h.view(call).mediaModes()).isEqualTo(G3FAX.bit());
    }

    @Test
    void mediaTypeChangeOwnerDetectsFaxAndHandsOffByG3Fax_R17_R10() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party faxLow = h.owner("faxLow", G3FAX, 2);
        Party fax = h.owner("fax", G3FAX, 1);
        Party mon = h.monitor("mon");
        List<HandoffResult> results = new CopyOnWriteArrayList<>();
        voice.sink.onEvent(e -> {
            if (e instanceof MediaDetectedEvent d && d.mode() == G3FAX) {
                results.add(voice.session.control().handoffToMediaMode(d.handle(), G3FAX));
                voice.session.control().deallocate(d.handle());
            }
        });
        fax.sink.onEvent(e -> {
            if (e instanceof dev.switchboard.api.event.CallStateEvent s && s.offersOwnership()) {
                fax.session.control().setMediaMode(s.handle(), G3FAX.bit());
            }
        });
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().answer(voice.handle(call));
        voice.session.control().monitorMedia(voice.handle(call), G3FAX.bit());

        h.sim.detect(call.simId(), G3FAX);

        assertThat(results).containsExactly(HandoffResult.SUCCESS);
        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,1)");
        assertThat(faxLow.sink.all()).isEmpty();
        // each application hears the call in order, but the applications act side by side: fax takes
        // its offer and sets the mode while voice is still in its handler, before it lets go
        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "CONNECTED", "NUMOWNERINCR(2,1)",
                "MEDIAMODE(2,1)", "NUMOWNERDECR(1,1)");
        assertThat(h.view(call).owners()).containsExactly("fax");
        assertThat(h.view(call).mediaModes()).isEqualTo(G3FAX.bit());
    }

    @Test
    void remotePartyCommandOwnerWatchesDigitsAndHandsOffByMediaModeToFax_R18_R10() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        List<HandoffResult> results = new CopyOnWriteArrayList<>();
        voice.sink.onEvent(e -> {
            if (e instanceof DigitEvent d && d.digit() == '9') { // "press 9 to send a fax"
                results.add(voice.session.control().handoffToMediaMode(d.handle(), G3FAX));
                voice.session.control().deallocate(d.handle());
            }
        });
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().answer(voice.handle(call));
        voice.session.control().monitorDigits(voice.handle(call), true);

        h.sim.sendDigits(call.simId(), "19");

        assertThat(results).containsExactly(HandoffResult.SUCCESS);
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "CONNECTED", "DIGIT 1", "DIGIT 9");
        assertThat(voice.session.handles()).isEmpty();
        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,0)");
        assertThat(h.view(call).owners()).containsExactly("fax");

        h.hangUp(call);
        assertThat(fax.events(call)).endsWith("DISCONNECTED", "IDLE");
        assertThat(voice.events(call)).endsWith("DIGIT 9");
    }
}
