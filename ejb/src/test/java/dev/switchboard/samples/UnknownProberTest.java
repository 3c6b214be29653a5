package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.Privilege;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardConnectionFactory;
import dev.switchboard.api.event.CallStateEvent;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prober's R19/R20 loop, against a scripted connection that records what the prober does. */
class UnknownProberTest {

    private final Map<MediaMode, HandoffResult> outcomes = new EnumMap<>(MediaMode.class);
    private final List<String> calls = new ArrayList<>();
    private final UnknownProber prober = new UnknownProber();

    UnknownProberTest() {
        SwitchboardConnection connection = (SwitchboardConnection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SwitchboardConnection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "handoffToMediaMode" -> {
                            MediaMode mode = args[1] instanceof MediaMode m ? m : MediaMode.ofBit((Integer) args[1]);
                            calls.add("handoff " + mode);
                            return outcomes.getOrDefault(mode, HandoffResult.TARGETNOTFOUND);
                        }
                        case "setMediaMode" -> calls.add("setMediaMode " + MediaMode.describe((Integer) args[1]));
                        case "deallocate", "drop" -> calls.add(method.getName());
                        case "close" -> { }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        prober.factory = (SwitchboardConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SwitchboardConnectionFactory.class}, (proxy, method, args) -> connection);
        prober.audit = new OutcomeAudit() { // the outcomes the console shows; not under test here
            @Override
            public void handoff(String application, String callId, String line, String target, String result,
                                  boolean committed, String reason) {
            }
        };
    }

    private void offer(MediaMode... modes) {
        prober.onCallEvent(new CallStateEvent(CallHandle.of("h-1"), "call-1", "line1", CallState.OFFERING,
                Privilege.OWNER, MediaMode.mask(modes)));
    }

    @Test
    void clearsModesNobodyTakesAndLetsGoOnSuccess_R19() {
        outcomes.put(MediaMode.G3FAX, HandoffResult.SUCCESS);

        offer(MediaMode.UNKNOWN, MediaMode.G3FAX, MediaMode.DATAMODEM);

        assertThat(calls).containsExactly(
                "handoff DATAMODEM",
                "setMediaMode UNKNOWN|G3FAX (0x22)",
                "handoff G3FAX",
                "deallocate");
    }

    @Test
    void keepsTheCallWhenItIsItselfTheTarget_R19() {
        outcomes.put(MediaMode.INTERACTIVEVOICE, HandoffResult.TARGETSELF);

        offer(MediaMode.UNKNOWN, MediaMode.INTERACTIVEVOICE, MediaMode.G3FAX);

        assertThat(calls).containsExactly("handoff INTERACTIVEVOICE", "setMediaMode INTERACTIVEVOICE (0x4)");
    }

    @Test
    void dropsAndDeallocatesWhenTheFinalUnknownHandoffFails_R20() {
        outcomes.put(MediaMode.UNKNOWN, HandoffResult.TARGETSELF);

        offer(MediaMode.UNKNOWN, MediaMode.TELEX);

        assertThat(calls).containsExactly(
                "handoff TELEX",
                "setMediaMode UNKNOWN (0x2)",
                "handoff UNKNOWN",
                "drop",
                "deallocate");
    }

    @Test
    void passesTheCallToAnotherProberWhenOneTakesIt_R19() {
        outcomes.put(MediaMode.UNKNOWN, HandoffResult.SUCCESS);

        offer(MediaMode.UNKNOWN, MediaMode.TDD);

        assertThat(calls).containsExactly("handoff TDD", "setMediaMode UNKNOWN (0x2)", "handoff UNKNOWN", "deallocate");
    }

    @Test
    void ignoresEventsThatDoNotOfferOwnership() {
        prober.onCallEvent(new CallStateEvent(CallHandle.of("h-1"), "call-1", "line1", CallState.OFFERING,
                Privilege.MONITOR, MediaMode.mask(MediaMode.UNKNOWN, MediaMode.G3FAX)));

        assertThat(calls).isEmpty();
    }
}
