package dev.switchboard.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfoDtmfTest {

    @Test
    void dtmfRelayBodyAsSippSendsIt() throws Exception {
        assertThat(InfoDtmf.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"))
                .isEqualTo(new InfoDtmf('5', OptionalInt.of(160)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Signal=*                           | *",
            "signal = #\\nduration = 250        | #",
            "Signal=a\\nDuration=100            | A",
            "Signal=10                          | *",
            "Signal=11                          | #",
            "Signal=D\\r\\nVolume=10\\r\\n      | D",
    })
    void dtmfRelayVariantsAreRead(String body, char digit) throws Exception {
        String text = body.replace("\\r", "\r").replace("\\n", "\n");

        assertThat(InfoDtmf.parse("Application/DTMF-Relay; charset=utf-8", text).digit()).isEqualTo(digit);
    }

    @Test
    void durationIsOptional() throws Exception {
        assertThat(InfoDtmf.parse("application/dtmf-relay", "Signal=1").durationMillis()).isEmpty();
    }

    @Test
    void applicationDtmfBodyIsTheDigit() throws Exception {
        assertThat(InfoDtmf.parse("application/dtmf", "5")).isEqualTo(new InfoDtmf('5', OptionalInt.empty()));
        assertThat(InfoDtmf.parse("application/dtmf", "#\r\n").digit()).isEqualTo('#');
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "application/dtmf-relay | Duration=160                | no Signal line",
            "application/dtmf-relay | Signal=X                    | signal 'X' is not a DTMF digit",
            "application/dtmf-relay | Signal=55                   | signal '55' is not a DTMF digit",
            "application/dtmf-relay | Signal=                     | signal '' is not a DTMF digit",
            "application/dtmf-relay | Signal=1\\nDuration=abc     | duration 'abc' is not a positive number",
            "application/dtmf-relay | Signal=1\\nDuration=0       | duration '0' is not a positive number",
            "application/dtmf-relay | Signal=1\\nSignal=2         | two Signal lines",
            "application/dtmf-relay | hello                       | line 'hello' is not <name>=<value>",
            "application/dtmf       | 12                          | signal '12' is not a DTMF digit",
            "application/dtmf       | 10                          | signal '10' is not a DTMF digit",
            "application/dtmf       | \"\"                          | signal '' is not a DTMF digit",
            "text/plain             | Signal=1                    | content type 'text/plain' is not application/dtmf-relay",
    })
    void badBodiesAreRefusedWithTheReason(String type, String body, String reason) {
        String text = body.replace("\\n", "\n");

        assertThatThrownBy(() -> InfoDtmf.parse(type, text))
                .isInstanceOf(DtmfBodyException.class).hasMessageContaining(reason);
    }

    @Test
    void aMissingBodyIsRefused() {
        assertThatThrownBy(() -> InfoDtmf.parse("application/dtmf-relay", null))
                .isInstanceOf(DtmfBodyException.class).hasMessageContaining("missing");
    }
}
