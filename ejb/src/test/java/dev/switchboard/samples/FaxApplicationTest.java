package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallState;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.MediaMode;
import dev.switchboard.api.SwitchboardConnection;
import dev.switchboard.api.SwitchboardListener;
import dev.switchboard.api.event.CallStateEvent;
import dev.switchboard.api.event.DigitEvent;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.testkit.SwitchboardTestKit;
import dev.switchboard.testkit.TestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fax sample as an application developer would test their own MDB: the bean instance on the
 * test kit, no server. Its activation config ({@code fax}, every line, OWNER, {@code G3FAX:1}) is
 * repeated in the kit's builder.
 */
class FaxApplicationTest {
    private final SwitchboardTestKit kit = SwitchboardTestKit.create();
    private TestApplication fax;

    @BeforeEach
    void deployFax() {
        FaxApplication bean = new FaxApplication();
        bean.factory = kit.connectionFactory(); // what @Resource injects in the server
        fax = kit.application(Samples.FAX).owner(MediaMode.G3FAX, 1).open(bean);
    }

    @AfterEach
    void closeKit() {
        kit.close();
    }

    @Test
    void takesANewFaxCallClaimsItsModeAndAnswers_R4_R16() {
        SimulatedCall call = kit.placeCall("line1", MediaMode.G3FAX);

        fax.awaitOffer(call.callId());
        fax.awaitState(call.callId(), CallState.CONNECTED);
        assertThat(kit.call(call).owners()).containsExactly(Samples.FAX);
        assertThat(kit.call(call).mediaModes()).isEqualTo(MediaMode.G3FAX.bit());
    }

    @Test
    void takesACallHandedOverInATransactionAndLetsGoWhenItEnds_R11_R21_R24() {
        TestApplication reception = kit.application("reception").owner(MediaMode.INTERACTIVEVOICE, 1).transacted()
                .open(handsToFaxOnDigit9());
        SimulatedCall call = kit.placeCall("line2", MediaMode.INTERACTIVEVOICE);
        reception.awaitState(call.callId(), CallState.CONNECTED);

        kit.pressDigits(call, "9");

        fax.awaitOffer(call.callId());
        reception.await(DigitEvent.class, d -> d.digit() == '9'); // its transaction committed
        assertThat(kit.call(call).owners()).containsExactly(Samples.FAX);
        assertThat(kit.call(call).mediaModes()).isEqualTo(MediaMode.G3FAX.bit());

        kit.hangUp(call);

        fax.awaitState(call.callId(), CallState.IDLE);
        assertThat(kit.isLive(call)).as("gone once fax let go, its last holder").isFalse();
    }

    /** A voice application of the test's own: answers, and on 9 hands the call to G3FAX and lets go, in one transaction. */
    private SwitchboardListener handsToFaxOnDigit9() {
        return event -> {
            try (SwitchboardConnection c = kit.connectionFactory().getConnection("reception")) {
                if (event instanceof CallStateEvent s && s.offersOwnership()) {
                    c.answer(s.handle());
                    c.monitorDigits(s.handle(), true);
                } else if (event instanceof DigitEvent d && d.digit() == '9') {
                    assertThat(c.handoffToMediaMode(d.handle(), MediaMode.G3FAX)).isEqualTo(HandoffResult.SUCCESS);
                    c.deallocate(d.handle());
                }
            }
        };
    }
}
