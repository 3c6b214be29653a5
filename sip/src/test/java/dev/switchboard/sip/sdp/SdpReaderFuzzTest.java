package dev.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of {@link SdpReader}, which reads the body of every INVITE and
 * re-INVITE, and of what the provider does next with an offer it accepted: asks it for its media
 * modes and streams, and answers it with {@link SdpAnswerWriter}. The body is decoded as UTF-8,
 * as the provider decodes it. The contract: a description or {@link SdpParseException}, and for
 * an accepted offer an answer that is itself valid SDP, with one m= line per offered one and
 * only CRLF line ends (RFC 4566 allows no NUL, CR or LF inside a line). Seeds:
 * {@code SdpReaderFuzzTestInputs/readAndAnswer} (the tests' offers: audio with telephone-event,
 * T.38, video, several streams). See docs/fuzzing.md.
 */
class SdpReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @DictionaryFile(resourcePath = "sdp.dict")
    void readAndAnswer(byte[] body) {
        SessionDescription offer;
        try {
            offer = SdpReader.parse(new String(body, StandardCharsets.UTF_8));
        } catch (SdpParseException e) {
            assertTrue(e.getMessage().startsWith("SDP"), e::getMessage);
            return;
        }
        int modes = offer.mediaModes();
        assertTrue(modes != 0, "an offer always names a media mode, UNKNOWN at least");
        for (MediaDescription m : offer.media()) {
            if (m.isActive()) {
                assertTrue(offer.connectionOf(m) != null, () -> "an active stream without a c= line: " + m);
            }
            offer.directionOf(m);
            m.telephoneEventPayloadType();
            m.mediaMode();
        }
        // Both kinds of stream in one answer, so that audio and T.38 sections are written.
        SdpAnswer answer = new SdpAnswerWriter("192.0.2.1", 1)
                .answer(offer, AcceptedMedia.audio(4000), AcceptedMedia.t38(4002));
        assertOnlyCrlfLineEnds(answer.text());
        SessionDescription reread;
        try {
            reread = SdpReader.parse(answer.text());
        } catch (SdpParseException e) {
            throw new AssertionError("the answer to an accepted offer is not valid SDP: " + e.getMessage(), e);
        }
        assertEquals(offer.media().size(), reread.media().size(), "m= lines in the answer (RFC 3264 section 6)");
        assertEquals(answer.mediaModes() == 0, reread.media().stream().noneMatch(MediaDescription::isActive),
                "an answer accepts something exactly when one of its streams is active");
    }

    private static void assertOnlyCrlfLineEnds(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'
                    || c == '\n' && i > 0 && text.charAt(i - 1) == '\r';
            int at = i;
            assertTrue(lineEnd || (c != '\r' && c != '\n' && c != 0),
                    () -> "character " + (int) c + " at " + at + " of the answer:\n" + text);
        }
    }
}
