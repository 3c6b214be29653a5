package dev.switchboard.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.MediaMode;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SdpAnswerWriterTest {

    private final SdpAnswerWriter writer = new SdpAnswerWriter("192.0.2.50", 4242);

    @Test
    void audioAnswerRoundTripsWithFirstG711CodecAndTelephoneEvent() throws Exception {
        SdpAnswer answer = writer.answer(SdpReader.parse(Offers.AUDIO), AcceptedMedia.audio(30000));

        assertThat(answer.mediaModes()).isEqualTo(MediaMode.INTERACTIVEVOICE.bit());
        assertThat(answer.text()).endsWith("\r\n").doesNotContain("\r\n\r\n")
                .as("every line ends with CRLF").doesNotContainPattern("[^\r]\n");
        SessionDescription parsed = SdpReader.parse(answer.text());
        assertThat(parsed.origin()).isEqualTo(new Origin("switchboard", "4242", "0", "IN", "IP4", "192.0.2.50"));
        MediaDescription audio = parsed.media().get(0);
        assertThat(parsed.connectionOf(audio).address()).isEqualTo("192.0.2.50");
        assertThat(audio.port()).isEqualTo(30000);
        assertThat(audio.formats()).containsExactly("0", "101");
        assertThat(audio.rtpMap(0)).contains(new RtpMap(0, "PCMU", 8000, 1));
        assertThat(audio.telephoneEventPayloadType()).isEqualTo(OptionalInt.of(101));
        assertThat(audio.fmtps()).containsEntry(101, "0-15");
        assertThat(parsed.directionOf(audio)).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void t38AnswerToTheReInviteEchoesItsAttributesAndRaisesTheVersion() throws Exception {
        writer.answer(SdpReader.parse(Offers.AUDIO), AcceptedMedia.audio(30000));
        SdpAnswer answer = writer.answer(SdpReader.parse(Offers.T38), AcceptedMedia.audio(30000), AcceptedMedia.t38(30002));

        assertThat(answer.mediaModes()).isEqualTo(MediaMode.G3FAX.bit());
        assertThat(answer.text()).as("what uac_voice_to_fax.xml checks").containsPattern("m=image [0-9]+ udptl t38");
        SessionDescription parsed = SdpReader.parse(answer.text());
        assertThat(parsed.origin().sessionId()).isEqualTo("4242");
        assertThat(parsed.origin().sessionVersion()).as("o= version grows with each answer").isEqualTo("1");
        MediaDescription image = parsed.media().get(0);
        assertThat(image.isT38()).isTrue();
        assertThat(image.port()).isEqualTo(30002);
        assertThat(image.attributes()).extracting(SdpAttribute::toString).containsExactly(
                "T38FaxVersion:0", "T38MaxBitRate:14400", "T38FaxRateManagement:transferredTCF",
                "T38FaxMaxBuffer:262", "T38FaxMaxDatagram:176", "T38FaxUdpEC:t38UDPRedundancy");
    }

    @Test
    void everyOfferedLineIsAnsweredInOrderAndUnacceptedOnesGetPortZero() throws Exception {
        SdpAnswer answer = writer.answer(SdpReader.parse(Offers.SEVERAL),
                AcceptedMedia.audio(30000), AcceptedMedia.t38(30002));

        SessionDescription parsed = SdpReader.parse(answer.text());
        assertThat(parsed.media()).extracting(MediaDescription::media).containsExactly("audio", "video", "image");
        assertThat(parsed.media()).extracting(MediaDescription::port).containsExactly(30000, 0, 30002);
        assertThat(answer.mediaModes()).isEqualTo(MediaMode.mask(MediaMode.INTERACTIVEVOICE, MediaMode.G3FAX));
        MediaDescription audio = parsed.media().get(0);
        assertThat(audio.formats()).as("G.729 skipped, PCMA first G.711 offered").containsExactly("8", "96");
        assertThat(parsed.directionOf(audio)).as("answer to sendonly").isEqualTo(Direction.RECVONLY);
        MediaDescription image = parsed.media().get(2);
        assertThat(image.attribute("T38FaxVersion")).as("lowered to 0").contains("0");
        assertThat(image.attribute("T38MaxBitRate")).as("lowered to 14400").contains("14400");
        assertThat(image.attribute("T38FaxUdpEC")).as("FEC falls back").contains("t38UDPRedundancy");
        assertThat(image.hasAttribute("T38FaxFillBitRemoval")).as("unsupported option left out").isFalse();
    }

    @Test
    void audioWithoutG711OrOverSrtpIsRejected() throws Exception {
        String g729Only = Offers.AUDIO.replace("RTP/AVP 0 8 101", "RTP/AVP 18 101");
        String srtp = Offers.AUDIO.replace("RTP/AVP 0 8 101", "RTP/SAVP 0 8 101");

        for (String offer : new String[] {g729Only, srtp}) {
            SdpAnswer answer = writer.answer(SdpReader.parse(offer), AcceptedMedia.audio(30000));
            assertThat(answer.acceptsAnything()).isFalse();
            assertThat(SdpReader.parse(answer.text()).media().get(0).port()).isZero();
        }
    }

    @Test
    void onlyOneStreamOfAKindIsAcceptedAndDynamicPcmuIsRecognised() throws Exception {
        String offer = """
                v=0
                o=- 1 1 IN IP6 2001:db8::9
                s=-
                c=IN IP6 2001:db8::9
                t=0 0
                m=audio 7000 RTP/AVP 112
                a=rtpmap:112 pcmu/8000
                a=inactive
                m=audio 7002 RTP/AVP 0
                """;
        SdpAnswerWriter v6 = new SdpAnswerWriter("2001:db8::50", 1);

        SessionDescription parsed = SdpReader.parse(v6.answer(SdpReader.parse(offer), AcceptedMedia.audio(40000)).text());

        assertThat(parsed.connection()).isEqualTo(new Connection("IN", "IP6", "2001:db8::50"));
        assertThat(parsed.media()).extracting(MediaDescription::port).containsExactly(40000, 0);
        assertThat(parsed.media().get(0).formats()).containsExactly("112");
        assertThat(parsed.media().get(0).telephoneEventPayloadType()).isEmpty();
        assertThat(parsed.directionOf(parsed.media().get(0))).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void badLocalSettingsAreRefused() {
        assertThatThrownBy(() -> new SdpAnswerWriter(" ", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("local address");
        assertThatThrownBy(() -> AcceptedMedia.audio(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be 1 to 65535, was 0");
    }
}
