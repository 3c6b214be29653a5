package dev.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.sdp.SdpFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evidence for keeping {@link SdpReader} rather than the {@code javax.sdp} parser inside
 * jain-sip-ri (see package-info): inputs that parser gets wrong, each next to what our reader does
 * with it. The assertions on jain-sip describe version 1.3.0-91; if an upgrade makes one of them
 * fail, the reason it records may be gone and the choice is worth making again.
 */
class SdpReaderAgainstJainSipTest {

    private static final String HEAD = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";

    private static javax.sdp.SessionDescription jainSip(String sdp) throws javax.sdp.SdpParseException {
        return SdpFactory.getInstance().createSessionDescription(sdp);
    }

    @Test
    void sixtyFourBitNtpSessionIdAndVersionAreKeptWhereJainSipTruncatesThem() throws Exception {
        // RFC 4566 recommends NTP timestamps here; a 64-bit one needs 20 digits, more than a long holds
        String sdp = "v=0\no=- 16294887898349568000 16294887898349568001 IN IP4 192.0.2.1\ns=-\n"
                + "c=IN IP4 192.0.2.1\nt=0 0\nm=audio 7000 RTP/AVP 0\n";

        Origin ours = SdpReader.parse(sdp).origin();
        javax.sdp.Origin theirs = jainSip(sdp).getOrigin();

        assertThat(ours.sessionId()).isEqualTo("16294887898349568000");
        assertThat(ours.sessionVersion()).isEqualTo("16294887898349568001");
        assertThat(theirs.getSessionId()).as("jain-sip keeps the last 18 digits").isEqualTo(294887898349568000L);
        assertThat(theirs.getSessionVersion()).isEqualTo(294887898349568001L);
    }

    @Test
    void ipv4MappedIpv6OriginAddressIsKeptWhereJainSipCutsIt() throws Exception {
        String sdp = "v=0\no=- 1 1 IN IP6 ::ffff:192.0.2.1\ns=-\nc=IN IP6 ::ffff:192.0.2.1\nt=0 0\n"
                + "m=audio 7000 RTP/AVP 0\n";

        assertThat(SdpReader.parse(sdp).origin().address()).isEqualTo("::ffff:192.0.2.1");
        assertThat(jainSip(sdp).getOrigin().getAddress()).isEqualTo("[::ffff:192]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "port beyond 65535           | HEAD m=audio 70000 RTP/AVP 0                  | 6 | port '70000'",
            "payload type beyond 127     | HEAD m=audio 7000 RTP/AVP 0 200               | 6 | RTP payload type '200'",
            "m= line without a format    | HEAD m=audio 7000 RTP/AVP                     | 6 | m= needs",
            "rtpmap without a clock rate | HEAD m=audio 7000 RTP/AVP 0\\na=rtpmap:0 PCMU  | 7 | rtpmap needs",
            "T.38 number that is a word  | HEAD m=image 7002 udptl t38\\na=T38MaxBitRate:fast | 7 | T38MaxBitRate value 'fast'",
            "line not <type>=<value>     | HEAD m=audio 7000 RTP/AVP 0\\nrtpmap:0        | 7 | not of the form",
            "unknown network type        | v=0\\no=- 1 1 IN IP4 h\\nc=IN IPX 1.2.3.4      | 3 | c= needs",
            "SDP version 1               | v=1\\no=- 1 1 IN IP4 h\\ns=-                    | 1 | unsupported SDP version",
            "stream with no c= anywhere  | v=0\\no=- 1 1 IN IP4 h\\ns=-\\nm=audio 7000 RTP/AVP 0 | 4 | no c= line",
    })
    void malformedOffersJainSipAcceptsAreRefusedNamingTheLine(String why, String body, int line, String reason)
            throws Exception {
        String sdp = body.replace("HEAD ", HEAD).replace("\\n", "\n") + "\n";

        assertThat(jainSip(sdp)).as("jain-sip parses it without a word").isNotNull();
        assertThatThrownBy(() -> SdpReader.parse(sdp))
                .isInstanceOf(SdpParseException.class)
                .hasMessageStartingWith("SDP line " + line + " '")
                .hasMessageContaining(reason);
    }

    @Test
    void aRefusalNamesLineAndTextWhereJainSipNamesNothingAndPrintsToStandardError() {
        String sdp = HEAD + "m=audio seven RTP/AVP 0\n";
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> jainSip(sdp))
                    .isInstanceOf(javax.sdp.SdpParseException.class)
                    .hasMessage("Could not parse message")
                    .satisfies(e -> assertThat(((javax.sdp.SdpParseException) e).getLineNumber()).isZero());
        } finally {
            System.setErr(standardError);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("java.text.ParseException");

        assertThatThrownBy(() -> SdpReader.parse(sdp))
                .hasMessage("SDP line 6 'm=audio seven RTP/AVP 0': port 'seven' is not a number from 0 to 65535");
    }
}
