package dev.switchboard.sip.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.MediaMode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Make call (R30), redirect and blind transfer (R29) against SIPp, an independent SIP
 * implementation: each scenario checks what it receives, and exits 0 only when its call went as
 * written. Skipped without sipp unless -Dswitchboard.requireSipp=true.
 */
class SippCallControlTest {
    private static final int VOICE = MediaMode.INTERACTIVEVOICE.bit();

    private final ProviderFixture fx = new ProviderFixture();

    @BeforeAll
    static void sipp() {
        Sipp.assumeInstalled();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void aCallToAFarEndThatAnswersConnectsAndOurByeEndsIt_R30() throws Exception {
        fx.start(Map.of());
        try (Sipp far = Sipp.uas("uas_answer.xml")) {
            String id = fx.makeCall("sales", "sip:bob@127.0.0.1:" + far.port, VOICE);
            assertThat(fx.events.take(3, id)).containsExactly("state PROCEEDING", "state RINGBACK",
                    "state CONNECTED");
            // once confirmed, what another node would need for this call's BYE: the far end's Contact, our CSeq 2
            assertThat(fx.events.nextFacts(id)).containsEntry(DialogFacts.REMOTE_TARGET, "sip:bob@127.0.0.1:" + far.port)
                    .containsEntry(DialogFacts.NEXT_CSEQ, "2").containsEntry(DialogFacts.ROUTE_SET, "")
                    .containsEntry(DialogFacts.LOCAL_URI, "<sip:sales@127.0.0.1:" + fx.port + ">");
            fx.provider.drop(id);
            assertThat(fx.events.take(2, id)).containsExactly("state DISCONNECTED", "state IDLE");
            far.assertSucceeded();
        }
    }

    @Test
    void aCallToABusyFarEndEndsBusy_R30() throws Exception {
        fx.start(Map.of());
        try (Sipp far = Sipp.uas("uas_busy.xml")) {
            String id = fx.makeCall("sales", "sip:bob@127.0.0.1:" + far.port, VOICE);
            assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "disconnected BUSY");
            far.assertSucceeded();
        }
    }

    @Test
    void aCallNobodyAnswersIsCancelledAsNoanswer_R30() throws Exception {
        fx.start(Map.of(SipSettings.NO_ANSWER_TIMEOUT, "500"));
        try (Sipp far = Sipp.uas("uas_no_answer.xml")) {
            String id = fx.makeCall("sales", "sip:bob@127.0.0.1:" + far.port, VOICE);
            assertThat(fx.events.take(3, id)).containsExactly("state PROCEEDING", "state RINGBACK",
                    "disconnected NOANSWER");
            far.assertSucceeded();
        }
    }

    @Test
    void aTrunkThatChallengesGetsADigestItCanVerifyAndAnswers_R30() throws Exception {
        fx.start(Map.of(SipSettings.AUTH_USERNAME, "switchboard-trunk", SipSettings.AUTH_PASSWORD, "s3cret-Trunk"));
        try (Sipp trunk = Sipp.uas("uas_auth.xml")) {
            String id = fx.makeCall("sales", "sip:bob@127.0.0.1:" + trunk.port, VOICE);
            assertThat(fx.events.take(3, id)).containsExactly("state PROCEEDING", "state RINGBACK",
                    "state CONNECTED");
            fx.provider.drop(id);
            assertThat(fx.events.take(2, id)).containsExactly("state DISCONNECTED", "state IDLE");
            trunk.assertSucceeded();
            assertThat(trunk.actions()).contains("2 INVITE", "qop=auth", "nc=00000001");
        }
    }

    @Test
    void aTrunkRefusesAWrongPassword_R30() throws Exception {
        fx.start(Map.of(SipSettings.AUTH_USERNAME, "switchboard-trunk", SipSettings.AUTH_PASSWORD, "not-the-one"));
        try (Sipp trunk = Sipp.uas("uas_auth.xml")) {
            String id = fx.makeCall("sales", "sip:bob@127.0.0.1:" + trunk.port, VOICE);
            assertThat(fx.events.take(2, id)).containsExactly("state PROCEEDING", "disconnected REJECT");
            // SIPp's verifyauth recomputed the response and refused it: the scenario took its failing branch
            assertThatThrownBy(trunk::assertSucceeded).isInstanceOf(AssertionError.class).hasMessageContaining("403");
            trunk.deleteFiles();
        }
    }

    @Test
    void aRedirectBeforeAnswerSends302ThatSippExpects_R29() throws Exception {
        fx.start(Map.of());
        try (Sipp caller = Sipp.uac(fx.port, "uac_redirect.xml", "sales")) {
            RecordingEvents.Report offered = fx.events.next();
            assertThat(offered.text()).isEqualTo("newCall sales 0x4");
            String op = fx.redirect(offered.callId(), "sip:operator@127.0.0.1:5999");
            assertThat(fx.events.next(offered.callId())).isEqualTo("transfer " + op + " succeeded");
            caller.assertSucceeded();
        }
    }

    @Test
    void aBlindTransferTheOtherSideCompletesEndsWithSuccessAndBye_R29() throws Exception {
        fx.start(Map.of());
        try (Sipp caller = Sipp.uac(fx.port, "uac_refer_accept.xml", "sales")) {
            String id = answer();
            String op = fx.blindTransfer(id, "sip:agent@127.0.0.1:5999");
            assertThat(fx.events.next(id)).isEqualTo("transfer " + op + " succeeded");
            caller.assertSucceeded();
        }
    }

    @Test
    void aBlindTransferToABusyTargetFailsAndTheCallStaysUp_R29() throws Exception {
        fx.start(Map.of());
        try (Sipp caller = Sipp.uac(fx.port, "uac_refer_fail.xml", "sales")) {
            String id = answer();
            String op = fx.blindTransfer(id, "sip:agent@127.0.0.1:5999");
            assertThat(fx.events.take(2, id)).containsExactly("transfer " + op + " failed 486 Busy Here", "hangup");
            caller.assertSucceeded();
        }
    }

    /** Takes SIPp's call and answers it; returns its id. */
    private String answer() throws Exception {
        RecordingEvents.Report offered = fx.events.next();
        assertThat(offered.text()).isEqualTo("newCall sales 0x4");
        fx.provider.answer(offered.callId());
        assertThat(fx.events.next(offered.callId())).isEqualTo("state CONNECTED");
        return offered.callId();
    }
}
