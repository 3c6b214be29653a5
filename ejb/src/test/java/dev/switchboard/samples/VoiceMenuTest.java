package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.CallHandle;
import dev.switchboard.api.HandoffResult;
import dev.switchboard.api.SwitchboardException;
import dev.switchboard.api.TapiError;
import dev.switchboard.api.event.MediaCompletedEvent;
import dev.switchboard.api.event.TransferResultEvent;
import dev.switchboard.api.media.MediaEndReason;
import dev.switchboard.api.media.MediaOperation;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The voice menu's choices and timeouts, against a scripted connection that writes down what the menu asks. */
class VoiceMenuTest {
    private static final CallHandle H = CallHandle.of("h-1");
    private static final String MENU = "gather 1 5s menu.wav on h-1";

    @TempDir
    Path voicemail;

    private final ScriptedConnection line = new ScriptedConnection();
    private final PromptFiles prompts = new PromptFiles();
    private final VoiceMenu menu = new VoiceMenu();

    VoiceMenuTest() {
        prompts.copyOut();
        menu.prompts = prompts;
        menu.factory = line.factory;
        menu.audit = new OutcomeAudit() { // the audit topic is not under test here
            @Override
            public void transfer(String application, TransferResultEvent t) {
            }
        };
    }

    @AfterEach
    void cleanUp() {
        prompts.removeCopies();
        System.clearProperty(SampleSettings.OPERATOR);
        System.clearProperty(SampleSettings.VOICEMAIL_DIR);
    }

    @Test
    void theMenuIsTheOneDigitGathersPromptAndIsPlayedOncePerCall_R27() {
        menu.greet(H, "call-1");
        menu.greet(H, "call-1"); // a second CONNECTED (after hold, say) does not start it again
        assertThat(line.asked).containsExactly(MENU);
    }

    @Test
    void noChoiceRepeatsTheMenuOnceThenTransfersToTheOperator_R28_R29() {
        System.setProperty(SampleSettings.OPERATOR, "sip:desk@pbx.example.com");
        menu.greet(H, "call-1");
        menu.completed(gather(MediaEndReason.FIRSTTIMEOUT, ""));
        menu.completed(gather(MediaEndReason.FIRSTTIMEOUT, ""));
        assertThat(line.asked).containsExactly(MENU, MENU, "blindTransfer h-1 sip:desk@pbx.example.com");
    }

    @Test
    void zeroTransfersAndAFailedTransferApologisesAndOffersTheMenuAgain_R29() {
        menu.greet(H, "call-1");
        menu.completed(gather(MediaEndReason.BUFFERFULL, "0"));
        menu.transferred(new TransferResultEvent(H, "call-1", "line1", "t-1", TransferResultEvent.Kind.BLIND_TRANSFER,
                SampleSettings.DEFAULT_OPERATOR, TransferResultEvent.Result.FAILED, "486 Busy Here"));
        assertThat(line.asked).containsExactly(MENU, "blindTransfer h-1 " + SampleSettings.DEFAULT_OPERATOR,
                "gather 1 5s operator-busy.wav,menu.wav on h-1");
    }

    @Test
    void aCallerWhoNeverChoosesHearsGoodbyeOnceTheOperatorFailedAndIsHungUpOn() {
        menu.greet(H, "call-1");
        for (int i = 0; i < 3; i++) {
            menu.completed(gather(MediaEndReason.FIRSTTIMEOUT, ""));
        }
        assertThat(line.asked).endsWith("play goodbye.wav on h-1");
        menu.completed(done(MediaOperation.PLAY, line.lastId));
        assertThat(line.asked).last().isEqualTo("drop h-1");
    }

    @Test
    void oneRecordsAVoicemailAfterItsPromptAndABeepThenSaysGoodbye_R28() {
        System.setProperty(SampleSettings.VOICEMAIL_DIR, voicemail.resolve("box").toString());
        menu.greet(H, "call-1");
        menu.completed(gather(MediaEndReason.BUFFERFULL, "1"));
        assertThat(line.asked).last().isEqualTo("play voicemail.wav on h-1");

        menu.completed(done(MediaOperation.PLAY, line.lastId));
        assertThat(line.asked).last().isEqualTo("record box beep=true max=60s silence=5s until # on h-1");
        assertThat(voicemail.resolve("box")).isDirectory();

        menu.completed(new MediaCompletedEvent(H, "call-1", "line1", line.lastId, MediaOperation.RECORD,
                MediaEndReason.SILENCE, "", voicemail.resolve("box/m.wav").toString(), Duration.ofSeconds(7)));
        assertThat(line.asked).last().isEqualTo("play goodbye.wav on h-1");
        menu.completed(done(MediaOperation.PLAY, line.lastId));
        assertThat(line.asked).last().isEqualTo("drop h-1");
    }

    @Test
    void twoHandsTheCallToTheAgentApplicationAndLetsGo_R9_R12() {
        menu.greet(H, "call-1");
        menu.completed(gather(MediaEndReason.BUFFERFULL, "2"));
        assertThat(line.asked).containsExactly(MENU, "handoff h-1 to agent", "deallocate h-1");
    }

    @Test
    void withoutAnAgentApplicationTwoApologisesAndOffersTheMenuAgain_R9() {
        line.handoffResult = HandoffResult.TARGETNOTFOUND;
        menu.greet(H, "call-1");
        menu.completed(gather(MediaEndReason.BUFFERFULL, "2"));
        assertThat(line.asked).containsExactly(MENU, "handoff h-1 to agent", "gather 1 5s agent-busy.wav,menu.wav on h-1");
    }

    @Test
    void theFaxDigitsAreLeftToTheirDigitEventsAndOtherDigitsRepeatTheMenu() {
        menu.greet(H, "call-1");
        menu.completed(gather(MediaEndReason.BUFFERFULL, "9"));
        menu.completed(gather(MediaEndReason.BUFFERFULL, "8"));
        menu.completed(gather(MediaEndReason.BUFFERFULL, "*"));
        assertThat(line.asked).containsExactly(MENU, MENU, MENU);
    }

    @Test
    void aPlayOrGatherThatEndedBecauseTheCallDidAsksNothing_R28() {
        menu.greet(H, "call-1");
        menu.completed(gather(MediaEndReason.HANGUP, ""));
        menu.completed(gather(MediaEndReason.CANCELLED, ""));
        menu.completed(done(MediaOperation.PLAY, "play-unknown"));
        assertThat(line.asked).containsExactly(MENU);
    }

    @Test
    void aCallThatEndedBeforeTheMenuCouldBeRepeatedIsNoError() {
        menu.greet(H, "call-1");
        line.failNext = () -> new SwitchboardException(TapiError.INVALCALLSTATE, "call-1 is DISCONNECTED");
        menu.completed(gather(MediaEndReason.FIRSTTIMEOUT, ""));
        assertThat(line.asked).containsExactly(MENU);
    }

    @Test
    void aLineThatPlaysNothingLeavesTheCallerWithoutAMenuButWithTheCall_R26() {
        line.failNext = () -> new SwitchboardException(TapiError.OPERATIONUNAVAIL, "line sip plays nothing");
        menu.greet(H, "call-1");
        assertThat(line.asked).isEmpty();
    }

    private static MediaCompletedEvent gather(MediaEndReason reason, String digits) {
        return new MediaCompletedEvent(H, "call-1", "line1", "gather", MediaOperation.GATHER, reason, digits, "",
                Duration.ZERO);
    }

    private static MediaCompletedEvent done(MediaOperation op, String id) {
        return new MediaCompletedEvent(H, "call-1", "line1", id, op, MediaEndReason.DONE, "", "", Duration.ZERO);
    }
}
