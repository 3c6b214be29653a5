package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.event.CallStateEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * R11 with R24: a handoff of a call the provider has reported DISCONNECTED (not yet IDLE) to an
 * application that already monitors it. R8 lets the handoff be made and R11 makes the target an
 * owner, but the call is over: the target must not get an OFFERING(OWNER) after DISCONNECTED.
 * It hears of its new privilege by the count change every holder hears (R15).
 */
class EndedCallHandoffTest {
    private static final String LINE = "S1";

    private final ScriptedProvider sp = new ScriptedProvider("script", List.of(LINE));
    private final Switchboard sb = Switchboard.builder().provider(sp).build().start();
    private final RecordingSink voice = new RecordingSink("voice");
    private final RecordingSink fax = new RecordingSink("fax");
    private final RecordingSink mon = new RecordingSink("mon");
    private final ApplicationSession voiceSession =
            sb.open(ApplicationSpec.owner("voice", Set.of(LINE), INTERACTIVEVOICE), voice);
    /** Opened its line as OWNER of G3FAX and as MONITOR, so it monitors every call. */
    private final ApplicationSession faxSession = sb.open(new ApplicationSpec("fax", Set.of(LINE),
            EnumSet.of(Privilege.OWNER, Privilege.MONITOR), Map.of(G3FAX, 1)), fax);
    private final ApplicationSession monSession = sb.open(ApplicationSpec.monitor("mon", Set.of(LINE)), mon);

    @AfterEach
    void tearDown() {
        sb.close();
    }

    @Test
    void directedHandoffOfADisconnectedCallToItsMonitorNeverOffersOwnership_R11() {
        String[] call = sp.newCall(LINE, INTERACTIVEVOICE.bit());
        CallHandle vh = voice.lastHandle(call[1]);
        sp.state(call[0], CallState.DISCONNECTED);

        assertThat(voiceSession.control().handoffToApplication(vh, "fax")).isEqualTo(HandoffResult.SUCCESS);

        CallHandle fh = fax.lastHandle(call[1]);
        assertThat(faxSession.control().callInfo(fh).privilege()).as("R11: the target ends up an owner").isEqualTo(Privilege.OWNER);
        assertThat(fax.states(call[1])).noneMatch(CallStateEvent::offersOwnership);
        assertThat(fax.describe(call[1])).containsExactly("OFFERING/MONITOR", "DISCONNECTED", "NUMOWNERINCR(2,1)",
                "NUMMONITORS(2,1)");
        assertThat(mon.describe(call[1])).containsExactly("OFFERING/MONITOR", "DISCONNECTED", "NUMOWNERINCR(2,1)",
                "NUMMONITORS(2,1)");
        assertThat(voice.describe(call[1])).containsExactly("OFFERING/OWNER", "DISCONNECTED");
    }

    @Test
    void mediaModeHandoffOfADisconnectedCallToItsMonitorNeverOffersOwnership_R11() {
        String[] call = sp.newCall(LINE, INTERACTIVEVOICE.bit());
        CallHandle vh = voice.lastHandle(call[1]);
        sp.state(call[0], CallState.DISCONNECTED);

        assertThat(voiceSession.control().handoffToMediaMode(vh, G3FAX.bit())).isEqualTo(HandoffResult.SUCCESS);

        assertThat(faxSession.control().callInfo(fax.lastHandle(call[1])).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(fax.states(call[1])).noneMatch(CallStateEvent::offersOwnership);
        assertThat(sb.call(call[1]).orElseThrow().owners()).containsExactly("voice", "fax");
    }

    @Test
    void handoffOfADisconnectedCallToAnOwnerAlreadyOwningItSendsItNothing_R11() {
        String[] call = sp.newCall(LINE, INTERACTIVEVOICE.bit());
        CallHandle vh = voice.lastHandle(call[1]);
        assertThat(voiceSession.control().handoffToApplication(vh, "fax")).isEqualTo(HandoffResult.SUCCESS);
        sp.state(call[0], CallState.DISCONNECTED);
        fax.clear();

        assertThat(voiceSession.control().handoffToApplication(vh, "fax")).isEqualTo(HandoffResult.SUCCESS);

        assertThat(fax.all()).isEmpty();
    }

    @Test
    void monitorGivenADisconnectedCallStillHearsExactlyOneDisconnectedAndOneIdle_R24() {
        String[] call = sp.newCall(LINE, INTERACTIVEVOICE.bit());
        CallHandle vh = voice.lastHandle(call[1]);
        sp.state(call[0], CallState.DISCONNECTED);
        voiceSession.control().handoffToApplication(vh, "fax");
        sp.state(call[0], CallState.IDLE);

        for (RecordingSink sink : List.of(voice, fax, mon)) {
            assertThat(sink.stateSequence(call[1])).as(sink.app())
                    .filteredOn(s -> s != CallState.OFFERING)
                    .containsExactly(CallState.DISCONNECTED, CallState.IDLE);
        }
        assertThat(fax.states(call[1])).noneMatch(CallStateEvent::offersOwnership);
        // the handles stay valid until deallocated; the call is gone after the last
        voiceSession.control().deallocate(vh);
        faxSession.control().deallocate(fax.lastHandle(call[1]));
        monSession.control().deallocate(mon.lastHandle(call[1]));
        assertThat(sb.call(call[1])).isEmpty();
    }

    @Test
    void operatorAssigningADisconnectedCallToItsMonitorNeverOffersOwnership_R11() {
        String[] call = sp.newCall(LINE, INTERACTIVEVOICE.bit());
        voiceSession.control().deallocate(voice.lastHandle(call[1]));
        sp.state(call[0], CallState.DISCONNECTED);

        sb.assignOwner(call[1], "fax");

        assertThat(faxSession.control().callInfo(fax.lastHandle(call[1])).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(fax.states(call[1])).noneMatch(CallStateEvent::offersOwnership);
        assertThat(sb.call(call[1]).orElseThrow().owners()).containsExactly("fax");
    }
}
