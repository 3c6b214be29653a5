package dev.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Coverage-guided fuzzing of {@link InfoDtmf#parse}, which reads the body of every SIP INFO. An
 * input is the Content-Type header, a line feed, then the body (decoded as UTF-8, as the provider
 * decodes it); an input without a line feed is a header with no body. The contract: one DTMF
 * digit, or {@link DtmfBodyException}; what was read, written back as a dtmf-relay body, reads
 * back the same. Seeds: {@code InfoDtmfFuzzTestInputs/parse}. See docs/fuzzing.md.
 */
class InfoDtmfFuzzTest {

    private static final String DTMF_DIGITS = "0123456789*#ABCD";

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String contentType = newline < 0 ? text : text.substring(0, newline);
        String body = newline < 0 ? null : text.substring(newline + 1);
        InfoDtmf dtmf;
        try {
            dtmf = InfoDtmf.parse(contentType, body);
        } catch (DtmfBodyException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), "a refusal names its reason");
            return;
        }
        assertTrue(DTMF_DIGITS.indexOf(dtmf.digit()) >= 0, dtmf::toString);
        dtmf.durationMillis().ifPresent(ms -> assertTrue(ms > 0 && ms <= 999_999, dtmf::toString));
        assertEquals(dtmf, reread(dtmf));
    }

    private static InfoDtmf reread(InfoDtmf dtmf) {
        OptionalInt ms = dtmf.durationMillis();
        String body = "Signal=" + dtmf.digit() + "\r\n" + (ms.isPresent() ? "Duration=" + ms.getAsInt() + "\r\n" : "");
        try {
            return InfoDtmf.parse(InfoDtmf.DTMF_RELAY, body);
        } catch (DtmfBodyException e) {
            throw new AssertionError("the body written for " + dtmf + " is refused: " + e.getMessage(), e);
        }
    }
}
