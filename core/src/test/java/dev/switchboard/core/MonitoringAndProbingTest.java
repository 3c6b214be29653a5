package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.DATAMODEM;
import static dev.switchboard.api.MediaMode.G3FAX;
import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static dev.switchboard.api.MediaMode.TDD;
import static dev.switchboard.api.MediaMode.UNKNOWN;
import static dev.switchboard.core.HandoffRulesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallControl;
import dev.switchboard.api.CallHandle;
import dev.switchboard.api.event.CallInfoEvent;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.api.event.MediaDetectedEvent;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import dev.switchboard.core.spi.ProviderCapabilities;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R17 (media monitoring), R18 (digit monitoring), R19 and R20 (UNKNOWN probing by applications). */
class MonitoringAndProbingTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:15:30Z");
    private final Harness h = Harness.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    // ---- R17 ----

    @Test
    void eachDetectionOfAMonitoredModeGivesOneEventWithModeAndTimestamp_R17() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        Party quiet = h.monitor("quiet");
        TestCall call = h.place(INTERACTIVEVOICE);
        mon.session.control().monitorMedia(mon.handle(call), MediaMode.mask(G3FAX, DATAMODEM));
        voice.session.control().monitorMedia(voice.handle(call), TDD.bit());
        h.clearEvents();

        h.sim.detect(call.simId(), G3FAX);
        h.sim.detect(call.simId(), INTERACTIVEVOICE); // nobody asked for this one
        h.sim.detect(call.simId(), DATAMODEM);
        h.sim.detect(call.simId(), G3FAX);

        List<MediaDetectedEvent> seen = mon.sink.mediaDetected(call.id());
        assertThat(seen).extracting(MediaDetectedEvent::mode).containsExactly(G3FAX, DATAMODEM, G3FAX);
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.detectedAt()).isEqualTo(NOW);
            assertThat(e.handle()).isEqualTo(mon.handle(call));
            assertThat(e.callId()).isEqualTo(call.id());
            assertThat(e.line()).isEqualTo(Harness.L1);
        });
        assertThat(mon.sink.all()).hasSize(3);
        assertThat(voice.sink.all()).isEmpty();
        assertThat(quiet.sink.all()).isEmpty();

        h.sim.detect(call.simId(), TDD);
        assertThat(voice.events(call)).containsExactly("DETECTED TDD");
    }

    @Test
    void detectionDoesNotChangeTheCallsMediaMode_R17() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        mon.session.control().monitorMedia(mon.handle(call), G3FAX.bit());
        h.clearEvents();

        h.sim.detect(call.simId(), G3FAX);

        assertThat(h.view(call).mediaModes()).isEqualTo(INTERACTIVEVOICE.bit());
        assertThat(voice.info(call).mediaModes()).isEqualTo(INTERACTIVEVOICE.bit());
        assertThat(voice.sink.all()).as("no MEDIAMODE call-info").isEmpty();
        assertThat(mon.sink.infos(call.id())).isEmpty();
    }

    @Test
    void monitorThatDetectsItsModeMayClaimTheCall_R17() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.ownerAndMonitor("fax", G3FAX);
        TestCall call = h.place(INTERACTIVEVOICE);
        fax.sink.onEvent(e -> {
            if (e instanceof MediaDetectedEvent d && d.mode() == G3FAX) {
                fax.session.control().setPrivilege(d.handle(), Privilege.OWNER);
            }
        });
        fax.session.control().monitorMedia(fax.handle(call), G3FAX.bit());

        h.sim.detect(call.simId(), G3FAX);

        assertThat(fax.info(call).privilege()).isEqualTo(Privilege.OWNER);
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERINCR(2,0)", "NUMMONITORS(2,0)");
    }

    @Test
    void ownerThatDetectsAModeMayHandOff_R17() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        TestCall call = h.place(INTERACTIVEVOICE);
        List<HandoffResult> results = new ArrayList<>();
        voice.sink.onEvent(e -> {
            if (e instanceof MediaDetectedEvent d) {
                results.add(voice.session.control().handoffToMediaMode(d.handle(), d.mode()));
            }
        });
        voice.session.control().monitorMedia(voice.handle(call), G3FAX.bit());

        h.sim.detect(call.simId(), G3FAX);

        assertThat(results).containsExactly(HandoffResult.SUCCESS);
        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER");
    }

    @Test
    void zeroStopsMediaMonitoringAndBadMasksAreRejected_R17() {
        h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        TestCall call = h.place(INTERACTIVEVOICE);
        CallHandle mh = mon.handle(call);
        mon.session.control().monitorMedia(mh, G3FAX.bit());
        mon.session.control().monitorMedia(mh, 0);
        h.clearEvents();

        h.sim.detect(call.simId(), G3FAX);
        assertThat(mon.sink.all()).isEmpty();

        assertError(() -> mon.session.control().monitorMedia(mh, 0x1), TapiError.INVALMEDIAMODE, call.id(), "'mon'");
        assertError(() -> mon.session.control().monitorMedia(CallHandle.of("nope"), G3FAX.bit()), TapiError.INVALCALLHANDLE);
    }

    @Test
    void modesTheProviderCannotDetectAreRejected_R17() {
        ScriptedProvider sp = new ScriptedProvider("deaf", List.of("D1"),
                new ProviderCapabilities(true, G3FAX.bit(), false));
        try (Switchboard sb = Switchboard.builder().provider(sp).build().start()) {
            RecordingSink m = new RecordingSink("m");
            CallControl ms = sb.open(ApplicationSpec.monitor("m", Set.of("D1")), m).control();
            String[] call = sp.newCall("D1", INTERACTIVEVOICE.bit());
            CallHandle mh = m.lastHandle(call[1]);
            ms.monitorMedia(mh, G3FAX.bit());
            assertError(() -> ms.monitorMedia(mh, MediaMode.mask(G3FAX, DATAMODEM)), TapiError.INVALMEDIAMODE,
                    "deaf", "DATAMODEM");
            assertError(() -> ms.monitorDigits(mh, true), TapiError.OPERATIONUNAVAIL, "deaf");
            ms.monitorDigits(mh, false);
        }
    }

    // ---- R18 ----

    @Test
    void eachDigitGivesOneEventInOrderToMonitoringHoldersOnly_R18() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        Party mon = h.monitor("mon");
        Party quiet = h.monitor("quiet");
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().monitorDigits(voice.handle(call), true);
        mon.session.control().monitorDigits(mon.handle(call), true);
        h.clearEvents();

        h.sim.sendDigits(call.simId(), "19*#0A");

        assertThat(voice.sink.digits(call.id())).extracting(DigitEvent::digit)
                .containsExactly('1', '9', '*', '#', '0', 'A');
        assertThat(mon.sink.digits(call.id())).extracting(DigitEvent::digit)
                .containsExactly('1', '9', '*', '#', '0', 'A');
        assertThat(voice.sink.digits(call.id())).allSatisfy(d -> {
            assertThat(d.receivedAt()).isEqualTo(NOW);
            assertThat(d.handle()).isEqualTo(voice.handle(call));
        });
        assertThat(voice.sink.all()).hasSize(6);
        assertThat(quiet.sink.all()).isEmpty();
    }

    @Test
    void digitMonitoringCanBeStopped_R18() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        TestCall call = h.place(INTERACTIVEVOICE);
        voice.session.control().monitorDigits(voice.handle(call), true);
        h.sim.sendDigits(call.simId(), "12");
        voice.session.control().monitorDigits(voice.handle(call), false);
        h.sim.sendDigits(call.simId(), "34");
        voice.session.control().monitorDigits(voice.handle(call), true);
        h.sim.sendDigits(call.simId(), "5");

        assertThat(voice.sink.digits(call.id())).extracting(DigitEvent::digit).containsExactly('1', '2', '5');
    }

    // ---- R19, R20 ----

    /**
     * What an UNKNOWN owner does (R19): tries each candidate mode in turn, clearing a bit on
     * TARGETNOTFOUND, probing itself on TARGETSELF (here: {@code isIt} says whether the mode is
     * really on the call), stopping on SUCCESS.
     */
    private static List<String> probe(CallControl prober, CallHandle ch, java.util.function.Predicate<MediaMode> isIt) {
        List<String> log = new ArrayList<>();
        int modes = prober.callInfo(ch).mediaModes();
        for (MediaMode m : MediaMode.probeOrder(modes)) {
            HandoffResult r = prober.handoffToMediaMode(ch, m);
            log.add(m + "=" + r);
            if (r == HandoffResult.SUCCESS) {
                prober.deallocate(ch);
                return log;
            }
            if (r == HandoffResult.TARGETSELF && isIt.test(m)) {
                prober.setMediaMode(ch, m.bit());
                log.add("set " + m);
                return log;
            }
            modes &= ~m.bit();
            prober.setMediaMode(ch, modes);
        }
        log.add(UNKNOWN + "=" + prober.handoffToMediaMode(ch, UNKNOWN));
        return log;
    }

    @Test
    void unknownProberWalksCandidatesClearsBitsAndPassesTheCallOn_R19() {
        Party prober = h.owner("prober", UNKNOWN, INTERACTIVEVOICE);
        Party fax = h.owner("fax", G3FAX);
        Party mon = h.monitor("mon");
        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, INTERACTIVEVOICE, DATAMODEM, G3FAX, TDD));
        assertThat(prober.events(call)).containsExactly("OFFERING/OWNER");

        List<String> log = probe(prober.session.control(), prober.handle(call), m -> false);
        // the fax application finds it is a fax and says so
        fax.session.control().setMediaMode(fax.handle(call), G3FAX.bit());

        assertThat(log).containsExactly("INTERACTIVEVOICE=TARGETSELF", "DATAMODEM=TARGETNOTFOUND", "G3FAX=SUCCESS");
        assertThat(prober.session.handles()).isEmpty();
        assertThat(h.view(call).owners()).containsExactly("fax");
        assertThat(h.view(call).mediaModes()).isEqualTo(G3FAX.bit());
        assertThat(mon.sink.infos(call.id())).extracting(CallInfoEvent::reason, CallInfoEvent::mediaModes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(dev.switchboard.api.CallInfoReason.MEDIAMODE,
                                MediaMode.mask(UNKNOWN, DATAMODEM, G3FAX, TDD)),
                        org.assertj.core.groups.Tuple.tuple(dev.switchboard.api.CallInfoReason.MEDIAMODE,
                                MediaMode.mask(UNKNOWN, G3FAX, TDD)),
                        org.assertj.core.groups.Tuple.tuple(dev.switchboard.api.CallInfoReason.NUMOWNERINCR,
                                MediaMode.mask(UNKNOWN, G3FAX, TDD)),
                        org.assertj.core.groups.Tuple.tuple(dev.switchboard.api.CallInfoReason.NUMOWNERDECR,
                                MediaMode.mask(UNKNOWN, G3FAX, TDD)),
                        org.assertj.core.groups.Tuple.tuple(dev.switchboard.api.CallInfoReason.MEDIAMODE,
                                G3FAX.bit()));
        assertThat(fax.events(call)).containsExactly("OFFERING/OWNER", "NUMOWNERDECR(1,1)");
    }

    @Test
    void unknownProberThatFindsItsOwnModeSetsTheSingleBitAndEveryoneIsTold_R19() {
        Party prober = h.owner("prober", UNKNOWN, INTERACTIVEVOICE);
        Party fax = h.ownerAndMonitor("fax", G3FAX);
        Party mon = h.monitor("mon");
        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, G3FAX, INTERACTIVEVOICE));

        List<String> log = probe(prober.session.control(), prober.handle(call), m -> m == INTERACTIVEVOICE);

        assertThat(log).containsExactly("INTERACTIVEVOICE=TARGETSELF", "set INTERACTIVEVOICE");
        assertThat(h.view(call).owners()).containsExactly("prober");
        assertThat(h.view(call).mediaModes()).isEqualTo(INTERACTIVEVOICE.bit());
        assertThat(mon.events(call)).containsExactly("OFFERING/MONITOR", "MEDIAMODE(1,2)");
        assertThat(fax.events(call)).containsExactly("OFFERING/MONITOR", "MEDIAMODE(1,2)");
        assertThat(fax.sink.infos(call.id()).get(0).mediaModes()).isEqualTo(INTERACTIVEVOICE.bit());
    }

    @Test
    void handoffToUnknownFindsAnotherProber_R19() {
        Party first = h.owner("first", INTERACTIVEVOICE);
        Party prober = h.owner("prober", UNKNOWN);
        TestCall call = h.place(INTERACTIVEVOICE);

        assertThat(first.session.control().handoffToMediaMode(first.handle(call), UNKNOWN)).isEqualTo(HandoffResult.SUCCESS);
        assertThat(prober.events(call)).containsExactly("OFFERING/OWNER");
    }

    @Test
    void finalHandoffToUnknownFailsWhenTheCallerIsTheOnlyOwnerLeftAndItThenDropsAndDeallocates_R20() {
        Party prober = h.owner("prober", UNKNOWN);
        Party mon = h.monitor("mon");
        TestCall call = h.place(Harness.L1, MediaMode.mask(UNKNOWN, DATAMODEM, G3FAX));
        CallHandle ph = prober.handle(call);

        List<String> log = probe(prober.session.control(), ph, m -> false);

        assertThat(log).containsExactly("DATAMODEM=TARGETNOTFOUND", "G3FAX=TARGETNOTFOUND", "UNKNOWN=TARGETSELF");
        assertThat(h.view(call).owners()).containsExactly("prober");
        assertThat(h.view(call).mediaModes()).isEqualTo(UNKNOWN.bit());

        prober.session.control().drop(ph);
        assertThat(prober.sink.stateSequence(call.id())).endsWith(
                dev.switchboard.api.CallState.DISCONNECTED, dev.switchboard.api.CallState.IDLE);
        prober.session.control().deallocate(ph);
        mon.session.control().deallocate(mon.handle(call));
        assertThat(h.sb.call(call.id())).isEmpty();
        assertThat(h.sim.liveCalls()).isEmpty();
    }
}
