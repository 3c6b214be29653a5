package dev.switchboard.core;

import static dev.switchboard.api.MediaMode.INTERACTIVEVOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.CallState;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.core.Harness.Party;
import dev.switchboard.core.Harness.TestCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ghost calls: a delivery executor that refuses work (a WorkManager whose queue is full) must never
 * leave a call behind, and an operator's drop removes any call, in any state, or says why not.
 */
class GhostCallTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A delivery executor that refuses while told to, as a full WorkManager does, and counts refusals. */
    private static final class RefusingExecutor implements Executor {
        final AtomicBoolean refuse = new AtomicBoolean();
        final AtomicInteger refusals = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            if (refuse.get()) {
                refusals.incrementAndGet();
                throw new RejectedExecutionException("Queue is full");
            }
            task.run();
        }
    }

    private final RefusingExecutor deliveries = new RefusingExecutor();
    private final ScriptedProvider scripted = new ScriptedProvider("scripted", List.of("S1"));
    private final Harness h = Harness.builder().deliveryExecutor(deliveries).provider(scripted).start();

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** An owner of voice calls on L1 that deallocates its handle when it hears IDLE, as applications do. */
    private Party tidyVoiceOwner() {
        return tidy(h.owner("voice", INTERACTIVEVOICE));
    }

    private static Party tidy(Party p) {
        p.sink.onEvent(e -> {
            if (e instanceof CallStateEvent s && s.state() == CallState.IDLE) {
                p.session.control().deallocate(s.handle());
            }
        });
        return p;
    }

    @Test
    void aHangUpWhoseDeliveryIsRefusedStillReachesEveryHolderAndTheCallGoes_R24() {
        Party voice = tidyVoiceOwner();
        Party monitor = tidy(h.monitor("audit"));
        TestCall call = h.place(INTERACTIVEVOICE);

        deliveries.refuse.set(true);
        h.hangUp(call); // the refusal is the core's to handle, not the switch's
        assertThat(deliveries.refusals).hasPositiveValue();
        deliveries.refuse.set(false);

        await().atMost(WAIT).until(() -> h.sb.calls().isEmpty());
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "DISCONNECTED", "IDLE");
        assertThat(monitor.events(call)).containsExactly("OFFERING/MONITOR", "DISCONNECTED", "IDLE");
        assertThat(h.sb.statistics().liveCalls()).isZero();
    }

    @Test
    void aNewCallWhoseOfferIsRefusedReachesItsOwnerOnceTheExecutorTakesWorkAgain_R4() {
        Party voice = tidyVoiceOwner();
        deliveries.refuse.set(true);
        TestCall call = h.place(INTERACTIVEVOICE); // the switch is not told of a refusal: the call stands
        assertThat(voice.events(call)).isEmpty();
        deliveries.refuse.set(false);

        await().atMost(WAIT).until(() -> voice.events(call).equals(List.of("OFFERING/OWNER")));
        assertThat(voice.sink.ownerOffers(call.id())).hasSize(1);
        h.hangUp(call);
        await().atMost(WAIT).until(() -> h.sb.calls().isEmpty());
    }

    @Test
    void eventsRefusedRepeatedlyKeepTheirOrder_R24() {
        Party voice = tidyVoiceOwner();
        TestCall call = h.place(INTERACTIVEVOICE);
        deliveries.refuse.set(true);
        h.sim.sendDigits(call.simId(), "12");
        h.hangUp(call);
        await().atMost(WAIT).until(() -> deliveries.refusals.get() >= 3); // the retries were refused too
        deliveries.refuse.set(false);

        await().atMost(WAIT).until(() -> h.sb.calls().isEmpty());
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "DISCONNECTED", "IDLE");
    }

    @Test
    void operatorDropEndsACallItsProviderNoLongerHas_R24() {
        Party voice = h.open(ApplicationSpec.owner("voice", java.util.Set.of("S1"), INTERACTIVEVOICE));
        Party monitor = h.open(ApplicationSpec.monitor("audit", java.util.Set.of("S1")));
        String[] ids = scripted.newCall("S1", INTERACTIVEVOICE.bit());
        scripted.state(ids[0], CallState.CONNECTED);
        scripted.forget(ids[0]);

        h.sb.dropCall(ids[1]);

        assertThat(scripted.actions).as("nothing to ask of a provider that no longer has the call").isEmpty();
        assertThat(h.sb.call(ids[1])).isEmpty();
        for (Party p : List.of(voice, monitor)) {
            assertThat(p.sink.stateSequence(ids[1])).as(p.name)
                    .containsExactly(CallState.OFFERING, CallState.CONNECTED, CallState.DISCONNECTED, CallState.IDLE);
        }
        // R24: the handles stay valid until deallocated, though the call is no longer listed
        voice.session.control().deallocate(voice.sink.lastHandle(ids[1]));
        assertThat(h.sb.statistics().liveCalls()).isZero();
    }

    @Test
    void operatorDropRemovesAnIdleCallWhoseHoldersNeverDeallocate_R24() {
        Party voice = h.owner("voice", INTERACTIVEVOICE); // hears IDLE, never deallocates
        TestCall call = h.place(INTERACTIVEVOICE);
        h.hangUp(call);
        assertThat(h.view(call).state()).isEqualTo(CallState.IDLE);

        h.sb.dropCall(call.id());

        assertThat(h.sb.calls()).isEmpty();
        assertThat(voice.events(call)).as("no second DISCONNECTED or IDLE").containsExactly("OFFERING/OWNER",
                "DISCONNECTED", "IDLE");
    }

    @Test
    void operatorDropOfACallTheProviderStillHasGoesThroughTheProvider_R24() {
        Party voice = h.owner("voice", INTERACTIVEVOICE);
        TestCall call = h.place(INTERACTIVEVOICE);

        h.sb.dropCall(call.id());

        assertThat(h.sim.liveCalls()).doesNotContain(call.simId());
        assertThat(voice.events(call)).containsExactly("OFFERING/OWNER", "DISCONNECTED", "IDLE");
    }

    @Test
    void operatorDropWhenTheProviderRefusesEndsTheCallInTheSwitchboard_R24() {
        Party voice = h.open(ApplicationSpec.owner("voice", java.util.Set.of("S1"), INTERACTIVEVOICE));
        String[] ids = scripted.newCall("S1", INTERACTIVEVOICE.bit());
        scripted.dropFailure = new RejectedExecutionException("Queue is full");

        h.sb.dropCall(ids[1]);

        assertThat(scripted.actions).containsExactly("drop " + ids[0]);
        assertThat(h.sb.call(ids[1])).isEmpty();
        assertThat(voice.sink.stateSequence(ids[1]))
                .containsExactly(CallState.OFFERING, CallState.DISCONNECTED, CallState.IDLE);
    }

    @Test
    void operatorDropOfNoLiveCallNamesTheCall() {
        assertThatThrownBy(() -> h.sb.dropCall("call-404"))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.error()).isEqualTo(TapiError.INVALCALLHANDLE))
                .hasMessageContaining("call-404");
    }

    @Test
    void statisticsCountWhatTheProvidersStillHold() {
        h.owner("voice", INTERACTIVEVOICE);
        TestCall call = h.place(INTERACTIVEVOICE);
        assertThat(h.sb.statistics().providerCalls()).isEqualTo(1);
        h.hangUp(call);
        assertThat(h.sb.statistics().providerCalls()).isZero();
        assertThat(h.sb.statistics().providerMediaPorts()).isZero();
    }
}
