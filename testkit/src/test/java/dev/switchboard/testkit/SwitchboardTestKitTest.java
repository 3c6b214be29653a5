package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.core.sim.SimulatedCall;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kit delivers, retries, transacts and waits the way the guide (and the adapter) say. */
class SwitchboardTestKitTest {
    private SwitchboardTestKit kit = SwitchboardTestKit.create();

    @AfterEach
    void closeKit() {
        kit.close();
    }

    /** Answers its offers and watches digits; on digit 9 hands the call to G3FAX, on 8 does so and then fails. */
    private SwitchboardListener voice(String name) {
        return event -> {
            try (SwitchboardConnection c = kit.connectionFactory().getConnection(name)) {
                if (event instanceof CallStateEvent s && s.offersOwnership()) {
                    c.answer(s.handle());
                    c.monitorDigits(s.handle(), true);
                } else if (event instanceof DigitEvent d && (d.digit() == '9' || d.digit() == '8')) {
                    assertThat(c.handoffToMediaMode(d.handle(), MediaMode.G3FAX)).isEqualTo(HandoffResult.SUCCESS);
                    if (d.digit() == '8') {
                        throw new IllegalStateException("the ledger refused the handoff");
                    }
                }
            }
        };
    }

    private static SwitchboardListener ignoring() {
        return event -> { };
    }

    @Test
    void listenerTakesAnOfferedCallThroughTheKitsConnection_R4() {
        TestApplication voice = kit.application("voice").owner(MediaMode.INTERACTIVEVOICE, 1).open(voice("voice"));

        SimulatedCall call = kit.placeCall("line1", MediaMode.INTERACTIVEVOICE);

        voice.awaitOffer(call.callId());
        voice.awaitState(call.callId(), CallState.CONNECTED);
        assertThat(kit.call(call).owners()).containsExactly("voice");
        assertThat(kit.call(call).state()).isEqualTo(CallState.CONNECTED);
    }

    @Test
    void digitsPressedReachTheListenerInOrder_R18() {
        TestApplication voice = kit.application("voice").owner(MediaMode.INTERACTIVEVOICE, 1).open(voice("voice"));
        SimulatedCall call = kit.placeCall("line1", MediaMode.INTERACTIVEVOICE);
        voice.awaitState(call.callId(), CallState.CONNECTED);

        kit.pressDigits(call, "12#");

        voice.await(DigitEvent.class, d -> d.digit() == '#');
        assertThat(voice.events()).filteredOn(DigitEvent.class::isInstance)
                .extracting(e -> ((DigitEvent) e).digit()).containsExactly('1', '2', '#');
    }

    @Test
    void refusedOfferIsRetriedThenGoesToTheNextApplication_R23() {
        kit.close();
        kit = SwitchboardTestKit.builder().deliveryRetries(1).build();
        AtomicInteger attempts = new AtomicInteger();
        TestApplication refusing = kit.application("refusing").owner(MediaMode.G3FAX, 1).open(event -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("no fax today");
        });
        TestApplication backup = kit.application("backup").owner(MediaMode.G3FAX, 2).open(ignoring());

        SimulatedCall call = kit.placeCall("line1", MediaMode.G3FAX);

        backup.awaitOffer(call.callId());
        refusing.awaitFailed(CallStateEvent.class, CallStateEvent::offersOwnership);
        assertThat(attempts).hasValue(2);
        assertThat(refusing.events()).isEmpty();
        assertThat(kit.call(call).owners()).containsExactly("backup");
    }

    @Test
    void failedEventThatIsNoOfferIsDroppedAndTheApplicationKeepsTheCall_R23() {
        kit.close();
        kit = SwitchboardTestKit.builder().deliveryRetries(1).build();
        AtomicInteger attempts = new AtomicInteger();
        SwitchboardListener answering = voice("voice");
        TestApplication voice = kit.application("voice").owner(MediaMode.INTERACTIVEVOICE, 1).open(event -> {
            if (event instanceof DigitEvent d && d.digit() == '1') {
                attempts.incrementAndGet();
                throw new IllegalStateException("cannot handle 1");
            }
            answering.onCallEvent(event);
        });
        SimulatedCall call = kit.placeCall("line1", MediaMode.INTERACTIVEVOICE);
        voice.awaitState(call.callId(), CallState.CONNECTED);

        kit.pressDigits(call, "12");

        voice.await(DigitEvent.class, d -> d.digit() == '2');
        assertThat(attempts).hasValue(2);
        assertThat(voice.failedEvents()).singleElement()
                .isInstanceOfSatisfying(DigitEvent.class, d -> assertThat(d.digit()).isEqualTo('1'));
        assertThat(kit.call(call).owners()).containsExactly("voice");
    }

    @Test
    void handoffInATransactedDeliveryHappensWhenTheListenerReturns_R21() {
        TestApplication voice = kit.application("voice").owner(MediaMode.INTERACTIVEVOICE, 1).transacted()
                .open(voice("voice"));
        TestApplication fax = kit.application("fax").owner(MediaMode.G3FAX, 1).open(ignoring());
        SimulatedCall call = kit.placeCall("line1", MediaMode.INTERACTIVEVOICE);
        voice.awaitState(call.callId(), CallState.CONNECTED);

        kit.pressDigits(call, "9");

        fax.awaitOffer(call.callId());
        assertThat(kit.call(call).owners()).containsExactlyInAnyOrder("voice", "fax"); // R12: voice stays an owner
    }

    @Test
    void handoffRollsBackWithATransactedDeliveryThatThrows_R21() {
        kit.close();
        kit = SwitchboardTestKit.builder().deliveryRetries(0).build();
        TestApplication voice = kit.application("voice").owner(MediaMode.INTERACTIVEVOICE, 1).transacted()
                .open(voice("voice"));
        TestApplication fax = kit.application("fax").owner(MediaMode.G3FAX, 1).open(ignoring());
        SimulatedCall call = kit.placeCall("line1", MediaMode.INTERACTIVEVOICE);
        voice.awaitState(call.callId(), CallState.CONNECTED);

        kit.pressDigits(call, "8");

        voice.awaitFailed(DigitEvent.class, d -> d.digit() == '8');
        assertThat(kit.call(call).owners()).containsExactly("voice");
        assertThat(fax.events()).isEmpty();
    }

    @Test
    void inTransactionCommitsWhenTheWorkReturnsAndRollsBackWhenItThrows_R21() {
        TestApplication voice = kit.application("voice").owner(MediaMode.INTERACTIVEVOICE, 1).open(ignoring());
        TestApplication fax = kit.application("fax").owner(MediaMode.G3FAX, 1).open(ignoring());
        SimulatedCall call = kit.placeCall("line1", MediaMode.INTERACTIVEVOICE);
        CallHandle handle = voice.awaitOffer(call.callId()).handle();

        assertThatThrownBy(() -> kit.inTransaction(() -> {
            try (SwitchboardConnection c = kit.connectionFactory().getConnection("voice")) {
                c.handoffToApplication(handle, "fax");
            }
            throw new IllegalStateException("roll it back");
        })).hasMessage("roll it back");
        assertThat(kit.call(call).owners()).containsExactly("voice");

        kit.inTransaction(() -> {
            try (SwitchboardConnection c = kit.connectionFactory().getConnection("voice")) {
                c.handoffToApplication(handle, "fax");
            }
        });
        fax.awaitOffer(call.callId());
        assertThat(kit.call(call).owners()).containsExactlyInAnyOrder("voice", "fax"); // R12: voice stays an owner
    }

    @Test
    void callIsGoneOnceEveryHolderDeallocatedAfterHangUp_R24() {
        TestApplication voice = kit.application("voice").owner(MediaMode.INTERACTIVEVOICE, 1).open(event -> {
            if (event instanceof CallStateEvent s && s.state() == CallState.IDLE) {
                try (SwitchboardConnection c = kit.connectionFactory().getConnection("voice")) {
                    c.deallocate(s.handle());
                }
            }
        });
        SimulatedCall call = kit.placeCall("line1", MediaMode.INTERACTIVEVOICE);
        voice.awaitOffer(call.callId());

        kit.hangUp(call);

        voice.awaitState(call.callId(), CallState.IDLE);
        assertThat(kit.isLive(call)).isFalse();
        assertThatThrownBy(() -> kit.call(call)).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining(call.callId());
    }

    @Test
    void awaitFailsNamingTheApplicationAndWhatItWasDelivered() {
        kit.close();
        kit = SwitchboardTestKit.builder().timeout(Duration.ofMillis(200)).build();
        TestApplication monitor = kit.application("audit").monitor().open(ignoring());
        SimulatedCall call = kit.placeCall("line2", MediaMode.INTERACTIVEVOICE);
        monitor.awaitState(call.callId(), CallState.OFFERING);

        assertThatThrownBy(() -> monitor.awaitState(call.callId(), CallState.CONNECTED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("application 'audit'")
                .hasMessageContaining("CONNECTED of " + call.callId())
                .hasMessageContaining("OFFERING");
    }

    @Test
    void connectionsAreOnlyForOpenApplications() {
        TestApplication voice = kit.application("voice").owner(MediaMode.INTERACTIVEVOICE, 1).open(ignoring());
        SwitchboardConnection connection = kit.connectionFactory().getConnection("voice");
        connection.close();

        assertThatThrownBy(() -> connection.getAppPriority(MediaMode.INTERACTIVEVOICE))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.error()).isEqualTo(TapiError.UNINITIALIZED))
                .hasMessageContaining("'voice' is closed");
        voice.close();
        assertThatThrownBy(() -> kit.connectionFactory().getConnection("voice"))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.error()).isEqualTo(TapiError.INVALAPPNAME))
                .hasMessageContaining("'voice' is not open");
    }

    @Test
    void applicationNamesAreUniqueInTheKit() {
        kit.application("fax").owner(MediaMode.G3FAX, 1).open(ignoring());

        assertThatThrownBy(() -> kit.application("fax").owner(MediaMode.G3FAX, 1).open(ignoring()))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.error()).isEqualTo(TapiError.INVALAPPNAME));
    }
}
