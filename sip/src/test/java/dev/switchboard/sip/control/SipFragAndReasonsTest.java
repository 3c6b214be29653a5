package dev.switchboard.sip.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.DisconnectReason;
import org.junit.jupiter.api.Test;

/** The status lines of NOTIFY bodies (R29) and the disconnect reasons of final responses (R30). */
class SipFragAndReasonsTest {

    @Test
    void sipfragStatusLinesAreRead_R29() {
        SipFrag ok = SipFrag.parse("SIP/2.0 200 OK\r\nContact: <sip:x@h>\r\n\r\n");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.isSuccess()).isTrue();
        assertThat(ok.toString()).isEqualTo("200 OK");
        assertThat(SipFrag.parse("SIP/2.0 100 Trying").isProvisional()).isTrue();
        SipFrag busy = SipFrag.parse("SIP/2.0 486 Busy Here\r\n");
        assertThat(busy.isSuccess() || busy.isProvisional()).isFalse();
        assertThat(busy.reasonPhrase()).isEqualTo("Busy Here");
        assertThat(SipFrag.parse("SIP/2.0 603").toString()).isEqualTo("603");
    }

    @Test
    void bodiesThatAreNoStatusLineAreRefused_R29() {
        assertThatThrownBy(() -> SipFrag.parse("INVITE sip:x@h SIP/2.0")).hasMessageContaining("INVITE sip:x@h");
        assertThatThrownBy(() -> SipFrag.parse("SIP/2.0 99 Too low")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipFrag.parse(null)).hasMessageContaining("missing");
    }

    @Test
    void finalResponsesMapToTapiDisconnectReasons_R30() {
        assertThat(FinalResponses.reasonFor(486)).isEqualTo(DisconnectReason.BUSY);
        assertThat(FinalResponses.reasonFor(600)).isEqualTo(DisconnectReason.BUSY);
        assertThat(FinalResponses.reasonFor(408)).isEqualTo(DisconnectReason.NOANSWER);
        assertThat(FinalResponses.reasonFor(480)).isEqualTo(DisconnectReason.NOANSWER);
        assertThat(FinalResponses.reasonFor(403)).isEqualTo(DisconnectReason.REJECT);
        assertThat(FinalResponses.reasonFor(603)).isEqualTo(DisconnectReason.REJECT);
        for (int unreachable : new int[] {404, 410, 484, 503, 604}) {
            assertThat(FinalResponses.reasonFor(unreachable)).as("%s", unreachable).isEqualTo(DisconnectReason.UNREACHABLE);
        }
        for (int other : new int[] {300, 400, 415, 488, 500, 606}) {
            assertThat(FinalResponses.reasonFor(other)).as("%s", other).isEqualTo(DisconnectReason.UNKNOWN);
        }
        assertThatThrownBy(() -> FinalResponses.reasonFor(200)).isInstanceOf(IllegalArgumentException.class);
    }
}
